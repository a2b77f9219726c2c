import Foundation

extension SlurmArray {
    /// Waits until the submission's merge job ends, reporting the shards done to `monitor` (unit "shards").
    ///
    /// When a shard's array task fails (or is cancelled, or runs out of time), the merge cannot run: once no task
    /// runs any more, the merge job is cancelled and the failed shards are thrown with their logs.
    ///
    /// - Throws: ``SlurmFailure/shardsFailed(_:)``, ``SlurmFailure/mergeFailed(job:state:exitStatus:log:)``,
    ///   ``SlurmFailure/command(_:reason:)`` when `scontrol` or `scancel` fails; `CancellationError` when the task
    ///   is cancelled (the jobs keep running).
    func wait(
        for submission: SlurmSubmission, on scheduler: some SlurmScheduler, monitor: any RunMonitor = SilentMonitor()
    ) async throws {
        var reported: Int?
        while true {
            let shards = try await shardOutcomes(of: submission, on: scheduler)
            let succeeded = submission.completeShards.count + shards.values.filter(\.hasSucceeded).count
            if reported != succeeded {
                monitor.observe(.progress(RunProgress(done: succeeded, total: submission.shards, unit: "shards")))
                reported = succeeded
            }
            if shards.count == submission.submittedShards.count {
                let failed = shards.filter { !$0.value.hasSucceeded }.sorted { $0.key < $1.key }
                guard failed.isEmpty else {
                    try await scheduler.cancel(submission.mergeJob)
                    throw SlurmFailure.shardsFailed(
                        failed.map {
                            .init(
                                shard: $0.key, state: $0.value.state, exitStatus: $0.value.exitStatus,
                                log: submission.log(ofShard: $0.key))
                        })
                }
                if try await mergeHasSucceeded(submission, on: scheduler) { return }
            }
            try await Task.sleep(for: pollInterval)
        }
    }

    /// The submitted shards whose array tasks have ended, with their final entries. When the cluster has forgotten
    /// the array (it ended long ago), a shard counts as succeeded when its folder is complete.
    private func shardOutcomes(
        of submission: SlurmSubmission, on scheduler: some SlurmScheduler
    ) async throws -> [Int: SlurmJob] {
        guard let arrayJob = submission.arrayJob else { return [:] }
        let tasks = try await scheduler.jobs(arrayJob)
        var ended: [Int: SlurmJob] = [:]
        if tasks.isEmpty {
            let complete = try workload.completeShards(in: submission.folder, of: submission.shards)
            for k in submission.submittedShards {
                ended[k] = SlurmJob(id: arrayJob, arrayTask: k, state: complete.contains(k) ? "COMPLETED" : "UNKNOWN")
            }
            return ended
        }
        for task in tasks where task.hasEnded {
            if let k = task.arrayTask, submission.submittedShards.contains(k) { ended[k] = task }
        }
        return ended
    }

    /// Whether the merge job has succeeded; false while it waits or runs.
    private func mergeHasSucceeded(_ submission: SlurmSubmission, on scheduler: some SlurmScheduler) async throws
        -> Bool
    {
        guard let merge = try await scheduler.jobs(submission.mergeJob).first else {
            // Forgotten by the cluster: its results folder tells.
            if workload.mergeIsComplete(in: submission.folder) { return true }
            throw SlurmFailure.mergeFailed(
                job: submission.mergeJob, state: "UNKNOWN", exitStatus: nil, log: submission.mergeLog)
        }
        guard merge.hasEnded else { return false }
        guard merge.hasSucceeded else {
            throw SlurmFailure.mergeFailed(
                job: submission.mergeJob, state: merge.state, exitStatus: merge.exitStatus, log: submission.mergeLog)
        }
        return true
    }
}
