import Foundation

/// Runs a tournament on a Slurm cluster: writes the batch scripts into the results folder, submits one array task
/// per shard (`accord tournament SPEC --out FOLDER/shard-k --shard k/N`) and a merge job that starts when every task
/// has succeeded (`accord merge --out FOLDER/merged FOLDER/shard-*`), and can wait for the merge's end.
///
/// Submitting again into the same folder resumes: shards whose folders are complete are skipped, the others
/// continue where they stopped; a job of the earlier submission that is still running is refused
/// (``SlurmFailure/stillRunning(job:folder:)``), a merge job still waiting for it is cancelled. The folder must be on
/// a file system that the cluster's nodes share. Layout: `accord-shards.sbatch`, `accord-merge.sbatch`,
/// `slurm-jobs.txt` (the last submission's job ids), `logs/shard-k.out`, `logs/merge.out`, `shard-k/`, `merged/`.
public struct SlurmTournamentRequest: Sendable {
    /// The tournament specification file; scenario paths in it are relative to it.
    public var specification: String
    /// The results folder (created if needed).
    public var resultsFolder: String
    /// The number of shards, one array task each.
    public var shards: Int
    /// The partition (`--partition`); nil for the cluster's default.
    public var partition: String?
    /// The time limit of each job (`--time`, such as `04:00:00`); nil for the partition's default.
    public var timeLimit: String?
    /// The CPUs of each array task (`--cpus-per-task`), which is also the number of negotiations it plays at once;
    /// nil for one.
    public var cpusPerTask: Int?
    /// The `accord` executable the jobs run (an absolute path on the shared file system).
    public var executable: String
    /// How long ``wait(for:on:monitor:)`` pauses between two looks at the jobs.
    public var pollInterval: Duration

    /// Creates a request.
    public init(
        specification: String, resultsFolder: String, shards: Int, partition: String? = nil,
        timeLimit: String? = nil, cpusPerTask: Int? = nil, executable: String, pollInterval: Duration = .seconds(1)
    ) {
        self.specification = specification
        self.resultsFolder = resultsFolder
        self.shards = shards
        self.partition = partition
        self.timeLimit = timeLimit
        self.cpusPerTask = cpusPerTask
        self.executable = executable
        self.pollInterval = pollInterval
    }

    /// Writes the batch scripts and submits the shards not complete yet and the merge.
    ///
    /// - Throws: ``RequestError`` for a bad option or folder; the specification's ``ScenarioError`` or
    ///   ``NegotiationError``; ``SlurmFailure`` when a Slurm command fails or an earlier job is still running;
    ///   ``IOFailure`` for a file that cannot be written.
    public func submit(to scheduler: some SlurmScheduler) async throws -> SlurmSubmission {
        try await array.submit(to: scheduler)
    }

    /// Waits until the submission's merge job ends, reporting the shards done to `monitor` (unit "shards").
    ///
    /// When a shard's array task fails (or is cancelled, or runs out of time), the merge cannot run: once no task
    /// runs any more, the merge job is cancelled and the failed shards are thrown with their logs.
    ///
    /// - Throws: ``SlurmFailure/shardsFailed(_:)``, ``SlurmFailure/mergeFailed(job:state:exitStatus:log:)``,
    ///   ``SlurmFailure/command(_:reason:)`` when `scontrol` or `scancel` fails; `CancellationError` when the task
    ///   is cancelled (the jobs keep running).
    public func wait(
        for submission: SlurmSubmission, on scheduler: some SlurmScheduler, monitor: any RunMonitor = SilentMonitor()
    ) async throws {
        try await array.wait(for: submission, on: scheduler, monitor: monitor)
    }

    private var array: SlurmArray<TournamentShards> {
        SlurmArray(
            workload: TournamentShards(specification: SlurmArray<TournamentShards>.absolute(specification)),
            resultsFolder: resultsFolder, shards: shards, partition: partition, timeLimit: timeLimit,
            cpusPerTask: cpusPerTask, executable: executable, pollInterval: pollInterval)
    }
}

/// A tournament's shards: array task k runs `accord tournament SPEC --out FOLDER/shard-k --shard k/N`, which resumes
/// the folder when it holds part of the shard and finishes at once when it holds all of it; the merge runs
/// `accord merge --out FOLDER/merged FOLDER/shard-1 … FOLDER/shard-N`.
struct TournamentShards: SlurmWorkload {
    /// The specification's absolute path.
    let specification: String

    var command: String { "tournament" }

    func completeShards(in folder: String, of shards: Int) throws -> Set<Int> {
        let loaded = try TournamentLoader.load(path: specification)
        let plan = try loaded.tournament.plan()
        var complete: Set<Int> = []
        for k in 1...shards {
            let shard = try Shard(index: k, count: shards)
            let facts = TournamentFacts(specification: loaded, shard: shard, negotiations: plan.count)
            let results = TournamentFolder(path: folder + "/shard-\(k)")
            if results.isComplete(for: facts, slice: plan.filter { shard.contains($0.id) }) { complete.insert(k) }
        }
        return complete
    }

    func shardLines(executable: String, folder: String, shards: Int, jobs: String) -> String {
        let quoted = SlurmBatchScripts.quoted
        return """
            exec \(quoted(executable)) tournament \(quoted(specification)) \\
                --out \(quoted(folder))/shard-"$k" --shard "$k/\(shards)" --jobs \(jobs) --progress lines

            """
    }

    func mergeLines(executable: String, folder: String, shards: Int) -> String {
        let quoted = SlurmBatchScripts.quoted
        return
            "exec \(quoted(executable)) merge --out \(quoted(folder))/merged \(quoted(folder))/shard-{1..\(shards)}\n"
    }

    func mergeIsComplete(in folder: String) -> Bool {
        FileManager.default.fileExists(atPath: folder + "/merged/summary.txt")
    }
}
