/// The three things Accord asks of a Slurm cluster: submit a batch script, show a job, cancel a job. The real one is
/// ``SlurmCommands`` (`sbatch`, `scontrol`, `scancel`); tests give a fake.
public protocol SlurmScheduler: Sendable {
    /// Submits the batch script at `script` with `sbatch` options (such as `--array=1-4`) and returns the job id.
    func submit(script: String, options: [String]) async throws -> String

    /// The job `id` as the cluster shows it: one entry per array task (tasks not started yet may share one entry),
    /// none when the cluster no longer knows the job.
    func jobs(_ id: String) async throws -> [SlurmJob]

    /// Cancels the job `id` (all its tasks, for an array).
    func cancel(_ id: String) async throws
}
