/// The two batch scripts of an `accord slurm` command: the shards' (one array task per shard, `--array` given at
/// submission) and the merge's. Paths are absolute, so the scripts run from any folder on the shared file system.
struct SlurmBatchScripts: Sendable {
    /// The `accord` executable the jobs run.
    let executable: String
    let folder: String
    let shards: Int
    let partition: String?
    let timeLimit: String?
    let cpusPerTask: Int?
    let workload: any SlurmWorkload

    /// The shards' script: array task k runs the workload's shard k of N, which resumes or skips what its results
    /// already hold.
    var shardScript: String {
        header(
            "One shard of the \(noun) per array task; submit with --array=1-\(shards) (or the shards to redo).",
            name: "accord-shards", log: "shard-%a.out", cpus: cpusPerTask)
            + "k=$SLURM_ARRAY_TASK_ID\n"
            + workload.shardLines(
                executable: executable, folder: folder, shards: shards,
                jobs: cpusPerTask == nil ? "1" : "\"$SLURM_CPUS_PER_TASK\"")
    }

    /// The merge's script.
    var mergeScript: String {
        header(
            "Merges the shards; submit with --dependency=afterok:<the array's job id>.", name: "accord-merge",
            log: "merge.out", cpus: nil)
            + workload.mergeLines(executable: executable, folder: folder, shards: shards)
    }

    private var noun: String { workload.command == "analyze" ? "Monte Carlo draws" : workload.command }

    private func header(_ purpose: String, name: String, log: String, cpus: Int?) -> String {
        var lines = [
            "#!/bin/bash", "# \(purpose)", "# Written by accord slurm \(workload.command).",
            "#SBATCH --job-name=\(name)", "#SBATCH --output=\(folder)/logs/\(log)", "#SBATCH --open-mode=append",
        ]
        if let partition { lines.append("#SBATCH --partition=\(partition)") }
        if let timeLimit { lines.append("#SBATCH --time=\(timeLimit)") }
        if let cpus { lines.append("#SBATCH --cpus-per-task=\(cpus)") }
        lines.append("set -euo pipefail")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` as one shell word: in single quotes, each single quote written `'\''`.
    static func quoted(_ text: String) -> String {
        "'" + text.replacing("'", with: "'\\''") + "'"
    }
}
