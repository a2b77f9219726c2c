import Foundation

/// A workload's shards as a Slurm job array and their merge as a job that waits for it: what `accord slurm
/// tournament` and `accord slurm analyze` share (``SlurmTournamentRequest``, ``SlurmAnalysisRequest``).
///
/// Layout of the results folder: `accord-shards.sbatch`, `accord-merge.sbatch`, `slurm-jobs.txt` (the last
/// submission's job ids), `logs/shard-k.out`, `logs/merge.out`, the shards' results and `merged/`.
struct SlurmArray<Workload: SlurmWorkload>: Sendable {
    let workload: Workload
    let resultsFolder: String
    let shards: Int
    let partition: String?
    let timeLimit: String?
    let cpusPerTask: Int?
    let executable: String
    let pollInterval: Duration

    /// Writes the batch scripts and submits the shards not complete yet and the merge.
    func submit(to scheduler: some SlurmScheduler) async throws -> SlurmSubmission {
        try checkOptions()
        let folder = Self.absolute(resultsFolder)
        let done = try workload.completeShards(in: folder, of: shards)  // a bad input leaves no folder behind
        try Self.makeFolder(folder + "/logs")
        try await settleEarlierSubmission(in: folder, on: scheduler)
        let scripts = SlurmBatchScripts(
            executable: Self.absolute(executable), folder: folder, shards: shards, partition: partition,
            timeLimit: timeLimit, cpusPerTask: cpusPerTask, workload: workload)
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
                throw RequestError("\(name) must be one word, not '\(Echo.cut(value))'")
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
