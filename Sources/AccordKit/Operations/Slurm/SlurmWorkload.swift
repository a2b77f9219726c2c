/// What a Slurm job array runs for an `accord slurm` command: the shell lines of one shard's array task and of the
/// merge job, and how to tell which shards (and whether the merge) already hold their complete results.
protocol SlurmWorkload: Sendable {
    /// The `accord slurm` subcommand, named in the batch scripts' comment (`tournament`, `analyze`).
    var command: String { get }

    /// The shards whose results in `folder` are complete. Reads the input first, so a bad one throws before any
    /// folder is made.
    func completeShards(in folder: String, of shards: Int) throws -> Set<Int>

    /// The array task's shell lines; `$k` holds the task's shard (set before them), `jobs` is a shell word for the
    /// CPUs the task may use.
    func shardLines(executable: String, folder: String, shards: Int, jobs: String) -> String

    /// The merge job's shell lines.
    func mergeLines(executable: String, folder: String, shards: Int) -> String

    /// Whether `folder/merged` holds the merge's results: how a merge job the cluster has forgotten is judged.
    func mergeIsComplete(in folder: String) -> Bool
}
