/// Why a tournament on Slurm (``SlurmTournamentRequest``) did not end with merged results: a Slurm command failed,
/// shards failed (the merge then does not run), or the merge job failed.
public enum SlurmFailure: AccordError, Equatable {
    /// A shard's array task that ended without success.
    public struct FailedShard: Sendable, Hashable {
        /// The shard, from 1.
        public var shard: Int
        /// The task's final state, such as `FAILED`, `CANCELLED` or `TIMEOUT`.
        public var state: String
        /// The exit status of the task's script, when Slurm shows it.
        public var exitStatus: Int32?
        /// The shard's log file.
        public var log: String

        /// Creates the description of a failed shard.
        public init(shard: Int, state: String, exitStatus: Int32?, log: String) {
            self.shard = shard
            self.state = state
            self.exitStatus = exitStatus
            self.log = log
        }
    }

    /// `sbatch`, `scontrol` or `scancel` could not run or failed, for this reason.
    case command(String, reason: String)
    /// These shards failed; the merge job was cancelled.
    case shardsFailed([FailedShard])
    /// The merge job ended in this state.
    case mergeFailed(job: String, state: String, exitStatus: Int32?, log: String)
    /// A job of an earlier submission into the same folder is still running.
    case stillRunning(job: String, folder: String)

    public var description: String {
        switch self {
        case .command(let command, let reason):
            return "\(command) failed: \(reason)"
        case .shardsFailed(let shards):
            let list = shards.map { "shard \($0.shard) (\(Self.outcome($0.state, $0.exitStatus)); log \($0.log))" }
            return "\(list.joined(separator: ", ")) failed, so the merge did not run; submit the same command again "
                + "to resume the failed shards"
        case .mergeFailed(let job, let state, let exitStatus, let log):
            return "the merge job \(job) failed (\(Self.outcome(state, exitStatus))); its log is \(log)"
        case .stillRunning(let job, let folder):
            return "job \(job) of an earlier submission into \(folder) is still running; wait for it to end or cancel "
                + "it with 'scancel \(job)' before submitting again"
        }
    }

    public var exitStatus: ExitStatus {
        if case .stillRunning = self { return .badInput }
        return .failure
    }

    private static func outcome(_ state: String, _ exitStatus: Int32?) -> String {
        guard let exitStatus, state == "FAILED" else { return state }
        return "\(state), exit status \(exitStatus)"
    }
}
