import Foundation
import Synchronization

/// Plays a tournament's slice in this process, writing each start and each record to the progress log as it
/// happens, so a run that stops loses at most the negotiations in progress and the next run continues from the log.
struct TournamentPlay: Sendable {
    let runner: TournamentRunner
    let folder: TournamentFolder
    /// Negotiations played at once.
    let jobs: Int
    let monitor: any RunMonitor

    /// Plays the negotiations of `slice` that the log does not hold yet, reporting progress to the monitor; returns
    /// when all are recorded or a stop was requested (``TournamentStop``).
    func play(_ slice: [Tournament.Negotiation]) async throws {
        let progress = try NegotiationRecordReader.read(path: folder.progressPath)
        let log = try ProgressLog(path: folder.progressPath, truncated: progress.truncatedLastLine)
        var pending: [Tournament.Negotiation] = []
        var suspects: [Tournament.Negotiation] = []
        for negotiation in slice where progress.records[negotiation.id] == nil {
            switch progress.starts[negotiation.id] ?? 0 {
            case 0: pending.append(negotiation)
            case 1: suspects.append(negotiation)
            default:
                // Started twice, never finished: it crashed or hung the run both times. Record it as failed.
                var record = runner.failedRecord(
                    negotiation,
                    reason: "stopped the run twice (a crash or a hang) and was given up; see docs/tournaments.md")
                record.seconds = 0
                try log.append(record: record)
            }
        }
        let done = Mutex(slice.count - pending.count - suspects.count)
        report(done: slice.count - pending.count - suspects.count, of: slice.count)
        // Negotiations that were running when a previous run stopped go first, one at a time, so that one that
        // crashes again takes no innocent neighbour with it.
        for (batch, parallelism) in [(suspects, 1), (pending, jobs)] where !batch.isEmpty {
            guard !TournamentStop.isRequested(by: monitor) else { return }
            try await play(batch, parallelism: parallelism, log: log) {
                done.withLock { done in
                    done += 1
                    report(done: done, of: slice.count)
                }
            }
        }
    }

    /// Plays one batch; the first record or start that cannot be written stops it and is thrown.
    private func play(
        _ batch: [Tournament.Negotiation], parallelism: Int, log: ProgressLog,
        finished: @escaping @Sendable () -> Void
    ) async throws {
        let failure = Mutex<IOFailure?>(nil)
        @Sendable func keep(_ body: () throws(IOFailure) -> Void) {
            do {
                try body()
            } catch {
                failure.withLock { $0 = $0 ?? error }
            }
        }
        await runner.run(
            batch, parallelism: parallelism,
            shouldStop: { [monitor] in TournamentStop.isRequested(by: monitor) || failure.withLock { $0 != nil } },
            willStart: { negotiation in keep { () throws(IOFailure) in try log.started(negotiation.id) } },
            didFinish: { record in
                keep { () throws(IOFailure) in try log.append(record: record) }
                finished()
            })
        if let error = failure.withLock({ $0 }) { throw error }
    }

    private func report(done: Int, of total: Int) {
        monitor.observe(.progress(RunProgress(done: done, total: total, unit: "negotiations")))
    }
}
