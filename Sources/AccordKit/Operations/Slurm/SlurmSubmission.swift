/// What ``SlurmTournamentRequest/submit(to:)`` submitted: the array job of the shards still to run (none when all are
/// complete) and the merge job that waits for it.
public struct SlurmSubmission: Sendable, Hashable, CustomStringConvertible {
    /// The results folder: the batch scripts, `logs/`, `shard-1` … `shard-N` and `merged`.
    public var folder: String
    /// The number of shards.
    public var shards: Int
    /// The shards whose folders were complete already, skipped.
    public var completeShards: [Int]
    /// The shards submitted as array tasks.
    public var submittedShards: [Int]
    /// The array job's id; nil when every shard was complete.
    public var arrayJob: String?
    /// The merge job's id.
    public var mergeJob: String

    /// Creates the description of a submission.
    public init(
        folder: String, shards: Int, completeShards: [Int], submittedShards: [Int], arrayJob: String?,
        mergeJob: String
    ) {
        self.folder = folder
        self.shards = shards
        self.completeShards = completeShards
        self.submittedShards = submittedShards
        self.arrayJob = arrayJob
        self.mergeJob = mergeJob
    }

    /// Shard `k`'s log file (the array task's output, appended to on each submission).
    public func log(ofShard k: Int) -> String { folder + "/logs/shard-\(k).out" }

    /// The merge job's log file.
    public var mergeLog: String { folder + "/logs/merge.out" }

    /// The merged results folder.
    public var mergedFolder: String { folder + "/merged" }

    /// The shards as Slurm's `--array` writes them: ranges and single numbers separated by commas (`1-3,5`).
    public static func arrayList(_ shards: [Int]) -> String {
        var parts: [String] = []
        var index = 0
        while index < shards.count {
            var end = index
            while end + 1 < shards.count, shards[end + 1] == shards[end] + 1 { end += 1 }
            parts.append(end == index ? "\(shards[index])" : "\(shards[index])-\(shards[end])")
            index = end + 1
        }
        return parts.joined(separator: ",")
    }

    /// One line per job: the array's and the merge's ids, with their logs.
    public var description: String {
        var lines: [String] = []
        if !completeShards.isEmpty {
            lines.append("shards complete already, skipped: \(Self.arrayList(completeShards))")
        }
        if let arrayJob {
            lines.append(
                "shards \(Self.arrayList(submittedShards)) of \(shards): array job \(arrayJob) (logs "
                    + "\(folder)/logs/shard-<k>.out)")
        }
        let after = arrayJob.map { ", after array job \($0) succeeds" } ?? ""
        lines.append("merge: job \(mergeJob)\(after) (log \(mergeLog)); results in \(mergedFolder)")
        return lines.joined(separator: "\n")
    }
}
