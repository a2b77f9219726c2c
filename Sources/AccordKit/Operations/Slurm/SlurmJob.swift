/// One job, or one task of a job array, as `scontrol show job --oneliner` shows it.
public struct SlurmJob: Sendable, Hashable {
    /// The job's id (`JobId`).
    public var id: String
    /// The array's job id (`ArrayJobId`), nil for a job that is no array.
    public var arrayJobID: String?
    /// The array task (`ArrayTaskId`) when the entry is one task; nil for a job that is no array and for the
    /// entry that stands for the tasks not started yet (whose `ArrayTaskId` is a range such as `2-4`).
    public var arrayTask: Int?
    /// The state, such as `PENDING`, `RUNNING`, `COMPLETED`, `FAILED` or `CANCELLED` (`JobState`).
    public var state: String
    /// The exit status of the batch script (the first half of `ExitCode=2:0`), nil when not shown.
    public var exitStatus: Int32?
    /// Why a pending job waits (`Reason`), such as `Dependency` or `DependencyNeverSatisfied`.
    public var reason: String

    /// Creates an entry.
    public init(
        id: String, arrayJobID: String? = nil, arrayTask: Int? = nil, state: String, exitStatus: Int32? = nil,
        reason: String = "None"
    ) {
        self.id = id
        self.arrayJobID = arrayJobID
        self.arrayTask = arrayTask
        self.state = state
        self.exitStatus = exitStatus
        self.reason = reason
    }

    /// Reads one line of `scontrol show job --oneliner` (space-separated `Key=Value` fields); nil without `JobId`
    /// and `JobState`.
    public init?(scontrolLine line: some StringProtocol) {
        var fields: [Substring: Substring] = [:]
        for field in line.split(separator: " ") {
            guard let equals = field.firstIndex(of: "=") else { continue }
            let key = Substring(field[..<equals])
            if fields[key] == nil { fields[key] = Substring(field[field.index(after: equals)...]) }
        }
        guard let id = fields["JobId"], let state = fields["JobState"] else { return nil }
        self.init(
            id: String(id), arrayJobID: fields["ArrayJobId"].map(String.init),
            arrayTask: fields["ArrayTaskId"].flatMap { Int($0) }, state: String(state),
            exitStatus: fields["ExitCode"].flatMap { $0.split(separator: ":").first }.flatMap { Int32($0) },
            reason: fields["Reason"].map(String.init) ?? "None")
    }

    /// Whether the job has ended, successfully or not: it will not run again unless requeued.
    public var hasEnded: Bool { Self.endStates.contains(state) }

    /// Whether the job has ended with exit status 0.
    public var hasSucceeded: Bool { state == "COMPLETED" }

    /// The states of a job that has ended (Slurm's `squeue --help` lists them).
    static let endStates: Set = [
        "BOOT_FAIL", "CANCELLED", "COMPLETED", "DEADLINE", "FAILED", "NODE_FAIL", "OUT_OF_MEMORY", "PREEMPTED",
        "REVOKED", "SPECIAL_EXIT", "TIMEOUT",
    ]
}
