import AccordKit
import AccordStore
import Foundation
import Synchronization

/// Runs operations for the server and keeps them: a quick operation runs while its request waits and is stored
/// finished; a long one is stored queued — acknowledged only once stored — then runs on a worker of the bounded
/// queue, its events going to a ``RunChannel`` for server-sent events, and is stored again when it ends. A run goes
/// on when its client leaves.
final class RunService: Sendable {
    /// What a run is about, for its stored record.
    struct Subject: Sendable {
        var scenarioID: String? = nil
        var scenarioVersion: Int? = nil
        var request: String
    }

    let store: any WorkspaceStore
    private let queue: RunQueue
    /// The workers of quick computations (what-if, evaluations), apart so that long runs cannot hold them up.
    private let quick: RunQueue
    /// The channels of runs queued or running here, and of the last ``finishedChannelLimit`` finished ones (so
    /// that a client that subscribes just after the end still receives every event).
    private let channels = Mutex<(live: [String: RunChannel], finished: [String])>(([:], []))
    static let finishedChannelLimit = 64

    init(store: any WorkspaceStore, workers: Int, queueLimit: Int) {
        self.store = store
        queue = RunQueue(workers: workers, limit: queueLimit)
        quick = RunQueue(workers: ProcessInfoCores.count, limit: 1_024)
    }

    /// Computes something quick on a worker of its own queue, without storing a run.
    func compute<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        try await quick.withWorker(body)
    }

    /// Runs the operation on a worker while the caller waits, and stores the finished run in one transaction. A
    /// run stopped by bad input is stored too, then answered as a 422 problem naming the run (a failed run: 500).
    func runNow<Operation: AccordOperation>(_ operation: Operation, about subject: Subject) async throws -> StoredRun {
        let (run, failure) = try await queue.withWorker {
            let outcome = await OperationRunner.run(operation)
            let run = StoredRun(
                record: outcome.record, scenarioID: subject.scenarioID, scenarioVersion: subject.scenarioVersion,
                request: subject.request, reports: outcome.output.map(Self.reports) ?? [:])
            return (run, outcome.failure)
        }
        try await store.insertRun(run)
        if let failure {
            throw Problem(
                failure == .badInput ? .unprocessableContent : .internalServerError,
                run.record.error ?? "the run failed.",
                extra: [("run", .string(run.id))])
        }
        return run
    }

    /// Stores the run as queued and starts it in the background; returns the queued run once it is stored.
    func start<Operation: AccordOperation>(
        _ operation: Operation, about subject: Subject, id: String = UUID().uuidString.lowercased(),
        replacing: Bool = false
    ) async throws -> StoredRun {
        guard await queue.hasRoom else {
            throw Problem(.serviceUnavailable, "the server is busy: the run queue is full; try again shortly.")
        }
        let record = RunRecord(
            id: id, operation: Operation.kind, inputFingerprint: (try? operation.inputFingerprint()) ?? "",
            parameters: operation.parameters.serialized(indent: 0), status: .queued)
        let queued = StoredRun(
            record: record, scenarioID: subject.scenarioID, scenarioVersion: subject.scenarioVersion,
            request: subject.request)
        let channel = RunChannel()
        channels.withLock { $0.live[id] = channel }
        if replacing { try await store.updateRun(queued) } else { try await store.insertRun(queued) }
        Task.detached { [self] in await execute(operation, queued: queued, channel: channel) }
        return queued
    }

    /// The live channel of a run that is queued or running here.
    func channel(of id: String) -> RunChannel? {
        channels.withLock { $0.live[id] }
    }

    /// Asks a queued or running run to stop; `false` when it is not running here.
    func cancel(_ id: String) -> Bool {
        guard let channel = channel(of: id), !channel.isFinished else { return false }
        channel.cancel()
        return true
    }

    private func execute<Operation: AccordOperation>(
        _ operation: Operation, queued: StoredRun, channel: RunChannel
    ) async {
        var run = queued
        do {
            try await queue.acquire()
        } catch {
            run.record.status = .failed
            run.record.error = Problem.from(error).detail
            await finish(run, channel: channel)
            return
        }
        run.record.status = .running
        run.record.startedAt = Date()
        try? await store.updateRun(run)
        channel.send(.init(name: "status", data: #"{"status":"running"}"#))
        let (record, output) = await OperationRunner.record(
            operation, id: queued.id, monitor: ChannelMonitor(channel: channel))
        await queue.release()
        run.record = record
        run.reports = output.map(Self.reports) ?? [:]
        await finish(run, channel: channel)
    }

    private func finish(_ run: StoredRun, channel: RunChannel) async {
        var stored = run
        do {
            try await store.updateRun(run)
        } catch {
            stored.record.status = .failed
            stored.record.error = "the run ended but could not be stored: \(error)"
        }
        let end: JSONValue = .object([
            ("status", .string(stored.record.status.rawValue)),
            ("error", stored.record.error.map(JSONValue.string) ?? .null),
        ])
        channel.finish(.init(name: "end", data: end.serialized(indent: 0)))
        channels.withLock { channels in
            channels.finished.append(run.id)
            if channels.finished.count > Self.finishedChannelLimit {
                channels.live.removeValue(forKey: channels.finished.removeFirst())
            }
        }
    }

    /// The readable renderings of a result, by format name (the JSON document is the record's result): what
    /// `GET /api/v1/runs/{id}?format=` answers.
    static func reports(of output: some OperationResult) -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: ReportFormat.allCases.filter { $0 != .json }.map { ($0.rawValue, output.render($0)) })
    }
}
