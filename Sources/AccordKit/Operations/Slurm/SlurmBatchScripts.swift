/// The two batch scripts of a tournament on Slurm: the shards' (one array task per shard, `--array` given at
/// submission) and the merge's. Paths are absolute, so the scripts run from any folder on the shared file system.
struct SlurmBatchScripts: Sendable {
    /// The `accord` executable the jobs run.
    let executable: String
    let specification: String
    let folder: String
    let shards: Int
    let partition: String?
    let timeLimit: String?
    let cpusPerTask: Int?

    /// The shards' script: array task k runs `accord tournament SPEC --out FOLDER/shard-k --shard k/N`, which
    /// resumes the folder when it holds part of the shard and finishes at once when it holds all of it.
    var shardScript: String {
        let jobs = cpusPerTask == nil ? "1" : "\"$SLURM_CPUS_PER_TASK\""
        return header(
            "One shard of the tournament per array task; submit with --array=1-\(shards) (or the shards to redo).",
            name: "accord-shards", log: "shard-%a.out", cpus: cpusPerTask)
                + """
                k=$SLURM_ARRAY_TASK_ID
                exec \(Self.quoted(executable)) tournament \(Self.quoted(specification)) \\
                    --out \(Self.quoted(folder))/shard-"$k" --shard "$k/\(shards)" --jobs \(jobs) --progress lines

                """
    }

    /// The merge's script: `accord merge --out FOLDER/merged FOLDER/shard-1 … FOLDER/shard-N`.
    var mergeScript: String {
        header(
            "Merges the shards; submit with --dependency=afterok:<the array's job id>.", name: "accord-merge",
            log: "merge.out", cpus: nil)
                + """
                exec \(Self.quoted(executable)) merge --out \(Self.quoted(folder))/merged \
                \(Self.quoted(folder))/shard-{1..\(shards)}

                """
    }

    private func header(_ purpose: String, name: String, log: String, cpus: Int?) -> String {
        var lines = [
            "#!/bin/bash", "# \(purpose)", "# Written by accord slurm tournament.", "#SBATCH --job-name=\(name)",
            "#SBATCH --output=\(folder)/logs/\(log)", "#SBATCH --open-mode=append",
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
