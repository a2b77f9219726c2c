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
        try checkOptions()
        let done = try completeShards()  // reads the specification: a bad one leaves no folder behind
        let folder = Self.absolute(resultsFolder)
        try Self.makeFolder(folder + "/logs")
        try await settleEarlierSubmission(in: folder, on: scheduler)
        let scripts = SlurmBatchScripts(
            executable: Self.absolute(executable), specification: Self.absolute(specification), folder: folder,
            shards: shards, partition: partition, timeLimit: timeLimit, cpusPerTask: cpusPerTask)
        let shardScript = folder + "/accord-shards.sbatch"
        let mergeScript = folder + "/accord-merge.sbatch"
        try Self.write(scripts.shardScript, to: shardScript)
        try Self.write(scripts.mergeScript, to: mergeScript)
        let todo = (1...shards).filter { !done.contains($0) }
        var arrayJob: String?
        if !todo.isEmpty {
            arrayJob = try await scheduler.submit(
                script: shardScript, options: ["--array=\(SlurmSubmission.arrayList(todo))"])
        }
        let mergeJob = try await scheduler.submit(
            script: mergeScript, options: arrayJob.map { ["--dependency=afterok:\($0)"] } ?? [])
        try Self.write(
            (arrayJob.map { "array \($0)\n" } ?? "") + "merge \(mergeJob)\n", to: folder + "/slurm-jobs.txt")
        return SlurmSubmission(
            folder: folder, shards: shards, completeShards: done.sorted(), submittedShards: todo, arrayJob: arrayJob,
            mergeJob: mergeJob)
    }

    private func checkOptions() throws {
        guard shards >= 1 else { throw RequestError("--shards must be at least 1, not \(shards)") }
        if let cpusPerTask, cpusPerTask < 1 {
            throw RequestError("--cpus-per-task must be at least 1, not \(cpusPerTask)")
        }
        // `#SBATCH --output=FOLDER/…` cannot quote, and Slurm reads `%` in it as a pattern.
        if Self.absolute(resultsFolder).contains(where: { $0.isWhitespace || $0 == "%" }) {
            throw RequestError("--out must name a folder without spaces or '%' for Slurm's log paths")
        }
        for (name, value) in [("--partition", partition), ("--time", timeLimit)] {
            if let value, value.isEmpty || value.contains(where: \.isWhitespace) {
                throw RequestError("\(name) must be one word, not '\(value)'")
            }
        }
    }

    /// Refuses while a job of the last submission into `folder` runs; cancels its merge if it still waits.
    private func settleEarlierSubmission(in folder: String, on scheduler: some SlurmScheduler) async throws {
        guard let text = try? String(contentsOfFile: folder + "/slurm-jobs.txt", encoding: .utf8) else { return }
        for line in text.split(whereSeparator: \.isNewline) {
            let words = line.split(separator: " ").map(String.init)
            guard words.count == 2 else { continue }
            let unfinished = try await scheduler.jobs(words[1]).filter { !$0.hasEnded }
            guard !unfinished.isEmpty else { continue }
            if words[0] == "merge" && unfinished.allSatisfy({ $0.state == "PENDING" }) {
                try await scheduler.cancel(words[1])
            } else {
                throw SlurmFailure.stillRunning(job: words[1], folder: folder)
            }
        }
    }

    /// The shards whose folders hold their complete results.
    func completeShards() throws -> Set<Int> {
        let loaded = try TournamentLoader.load(path: specification)
        let plan = try loaded.tournament.plan()
        var complete: Set<Int> = []
        for k in 1...shards {
            let shard = try Shard(index: k, count: shards)
            let facts = TournamentFacts(specification: loaded, shard: shard, negotiations: plan.count)
            let folder = TournamentFolder(path: Self.absolute(resultsFolder) + "/shard-\(k)")
            if folder.isComplete(for: facts, slice: plan.filter { shard.contains($0.id) }) { complete.insert(k) }
        }
        return complete
    }

    static func absolute(_ path: String) -> String {
        let url =
            path.hasPrefix("/")
            ? URL(fileURLWithPath: path)
            : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path)
        return url.standardizedFileURL.path
    }

    private static func makeFolder(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw IOFailure("cannot create the folder '\(path)'", error: error)
        }
    }

    private static func write(_ text: String, to path: String) throws {
        try TournamentFolder(path: "").write(text, to: path)
    }
}
