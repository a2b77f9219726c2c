import AccordKit
import Synchronization

/// The live events of one run, for its server-sent event streams: progress (at most ten a second), each trace
/// action, notes, then the end. A late subscriber first receives what happened so far (the last
/// ``historyLimit`` events).
final class RunChannel: Sendable {
    /// One event as it goes on the wire.
    struct Event: Sendable, Equatable {
        var name: String
        var data: String
    }

    static let historyLimit = 10_000

    private struct State {
        var history: [Event] = []
        var dropped = 0
        var subscribers: [Int: AsyncStream<Event>.Continuation] = [:]
        var nextSubscriber = 0
        var isFinished = false
        var lastProgress: ContinuousClock.Instant?
    }

    private let state = Mutex(State())
    private let cancelled = Atomic<Bool>(false)

    /// Whether the run has ended.
    var isFinished: Bool { state.withLock { $0.isFinished } }

    /// Whether someone asked the run to stop.
    var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

    /// Asks the run to stop at its next check.
    func cancel() { cancelled.store(true, ordering: .relaxed) }

    /// Sends an event to every subscriber and keeps it for later ones.
    func send(_ event: Event) {
        state.withLock { state in
            guard !state.isFinished else { return }
            if event.name == "progress" {
                let now = ContinuousClock.now
                if let last = state.lastProgress, now - last < .milliseconds(100) { return }
                state.lastProgress = now
            }
            state.history.append(event)
            if state.history.count > Self.historyLimit {
                state.history.removeFirst(state.history.count - Self.historyLimit)
                state.dropped += 1
            }
            for subscriber in state.subscribers.values { subscriber.yield(event) }
        }
    }

    /// Sends the last event and closes every stream.
    func finish(_ event: Event) {
        // Finishing a stream calls its termination handler, which takes the lock: finish outside it.
        let subscribers = state.withLock { state -> [AsyncStream<Event>.Continuation] in
            guard !state.isFinished else { return [] }
            state.isFinished = true
            state.history.append(event)
            let subscribers = Array(state.subscribers.values)
            for subscriber in subscribers { subscriber.yield(event) }
            state.subscribers = [:]
            return subscribers
        }
        for subscriber in subscribers { subscriber.finish() }
    }

    /// A stream of the events so far and those to come; it ends after the run's end.
    func subscribe() -> AsyncStream<Event> {
        let (stream, continuation) = AsyncStream<Event>.makeStream(bufferingPolicy: .bufferingNewest(Self.historyLimit))
        state.withLock { state in
            for event in state.history { continuation.yield(event) }
            if state.isFinished {
                continuation.finish()
                return
            }
            let id = state.nextSubscriber
            state.nextSubscriber += 1
            state.subscribers[id] = continuation
            continuation.onTermination = { [weak self] _ in
                self?.state.withLock { _ = $0.subscribers.removeValue(forKey: id) }
            }
        }
        return stream
    }
}

/// The monitor a server run reports to: its events go to the run's channel; it stops when the channel is
/// cancelled.
struct ChannelMonitor: RunMonitor {
    let channel: RunChannel

    func observe(_ event: RunEvent) {
        switch event {
        case .progress(let progress):
            let data: JSONValue = .object([
                ("done", .int(progress.done)), ("total", .int(progress.total)),
                ("unit", .string(progress.unit)),
            ])
            channel.send(.init(name: "progress", data: data.serialized(indent: 0)))
        case .action(let line): channel.send(.init(name: "action", data: line))
        case .note(let text): channel.send(.init(name: "note", data: JSONValue.string(text).serialized(indent: 0)))
        }
    }

    var isCancelled: Bool { channel.isCancelled }
}
