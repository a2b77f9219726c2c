import Foundation

/// Runs a tournament of agents from a specification file (docs/tournaments.md) into a results folder, or resumes
/// it: the same request run again continues where an interrupted run stopped, and returns at once when the folder
/// is complete.
///
/// The folder gets `tournament.json` and `progress.jsonl` at once, and when the slice is complete
/// `negotiations.csv`, `negotiations.jsonl`, `genius-log.csv` and the summary (`summary.json`, `summary.md`,
/// `summary.html`, `summary.txt`). A folder of another tournament or another shard is refused, nothing overwritten.
///
/// Progress goes to the monitor as ``RunEvent/progress(_:)`` in negotiations (the first event counts those an
/// earlier run recorded). A run stops taking negotiations when the monitor or the task is cancelled (it throws
/// ``RunCancelled``) or, once ``Interrupt/install()`` has run, on SIGINT or SIGTERM (``TournamentInterrupted``);
/// what it recorded is kept either way.
public struct TournamentRequest: AccordOperation {
    /// The tournament specification file (`.yaml`, `.yml` or `.json`); scenario paths in it are relative to it.
    public var specification: String
    /// The results folder (created if needed).
    public var resultsFolder: String
    /// The slice of the plan to run; ``Shard/whole`` for all of it. ``MergeRequest`` combines the slices.
    public var shard: Shard
    /// Negotiations played at once; nil for the number of active cores.
    public var jobs: Int?
    /// In this process, or in a supervised worker process that survives crashing and hanging agents.
    public var isolation: TournamentIsolation

    /// Creates a request.
    public init(
        specification: String, resultsFolder: String, shard: Shard = .whole, jobs: Int? = nil,
        isolation: TournamentIsolation = .inProcess
    ) {
        self.specification = specification
        self.resultsFolder = resultsFolder
        self.shard = shard
        self.jobs = jobs
        self.isolation = isolation
    }

    public static var kind: OperationKind { .tournament }

    public var parameters: JSONValue {
        .object([
            ("specification", .string(specification)), ("out", .string(resultsFolder)),
            ("shard", .string(shard.description)), ("jobs", jobs.map { .int($0) } ?? .null),
            ("isolation", .string(isolation == .inProcess ? "in-process" : "supervised")),
        ])
    }

    /// The specification's fingerprint: its plan and the bytes of its scenario files.
    public func inputFingerprint() throws -> String { try TournamentLoader.load(path: specification).fingerprint }

    /// Plays the negotiations of the slice that the results folder does not hold yet, writes the result files and
    /// returns the summary.
    ///
    /// - Throws: ``RequestError`` for a bad `jobs` or a results folder of another tournament or shard; the
    ///   specification's ``ScenarioError`` or ``NegotiationError``; ``IOFailure`` for a file that cannot be
    ///   written; ``RunCancelled`` or ``TournamentInterrupted`` when stopped; ``TournamentWorkerFailure`` when a
    ///   supervised worker fails.
    public func run(monitor: any RunMonitor) async throws -> TournamentResult {
        if let jobs, jobs < 1 { throw RequestError("--jobs must be at least 1, not \(jobs)") }
        let loaded = try TournamentLoader.load(path: specification)
        let plan = try loaded.tournament.plan()
        let facts = TournamentFacts(specification: loaded, shard: shard, negotiations: plan.count)
        let folder = TournamentFolder(path: resultsFolder)
        try folder.prepare(for: facts)
        // A supervised worker dies with its supervisor, and writes under its lock.
        let isWorker = isolation == .inProcess && WorkerLifeline.supervisor != nil
        if isWorker { WorkerLifeline.watch() }
        let lock = isWorker ? nil : try ResultsFolderLock(folder: resultsFolder)
        defer { withExtendedLifetime(lock) {} }
        let slice = plan.filter { shard.contains($0.id) }
        switch isolation {
        case .inProcess:
            let runner = try TournamentRunner(tournament: loaded.tournament)
            let cores = ProcessInfo.processInfo.activeProcessorCount
            try await TournamentPlay(runner: runner, folder: folder, jobs: jobs ?? cores, monitor: monitor).play(slice)
        case .supervised(let worker):
            try await Supervisor(
                worker: worker, progressPath: folder.progressPath, timeLimit: loaded.tournament.timeLimit,
                total: slice.count, monitor: monitor
            ).run()
        }
        guard let records = try folder.records(of: slice) else {
            guard isolation == .inProcess else { throw TournamentWorkerFailure.unfinished }
            throw TournamentStop.error(of: monitor)
        }
        let result = try TournamentResult(records: records, facts: facts)
        if isolation == .inProcess {
            // A supervised worker has written them.
            try folder.writeResults(records, facts: facts, report: result.report)
        }
        return result
    }
}
