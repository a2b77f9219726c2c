import AccordKit
import Synchronization

/// The live events of the rooms: every audit entry, sent to each subscriber of its room as that subscriber's role
/// may see it (``AccordKit/RoomAuditEntry/event(for:)``).
final class RoomEventHub: Sendable {
    private struct Subscriber {
        var room: String
        var role: RoomRole
        var continuation: AsyncStream<JSONValue>.Continuation
    }

    private struct State {
        var subscribers: [Int: Subscriber] = [:]
        var next = 0
    }

    private let state = Mutex(State())

    /// A stream of a room's events for a role.
    func subscribe(room: String, role: RoomRole) -> AsyncStream<JSONValue> {
        let (stream, continuation) = AsyncStream<JSONValue>.makeStream(bufferingPolicy: .bufferingNewest(1000))
        let id = state.withLock { state in
            state.next += 1
            state.subscribers[state.next] = Subscriber(room: room, role: role, continuation: continuation)
            return state.next
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    /// Sends an entry to the room's subscribers, each as its role may see it.
    func publish(_ entry: RoomAuditEntry, room: String) {
        let targets = state.withLock { state in state.subscribers.values.filter { $0.room == room } }
        for target in targets {
            if let event = entry.event(for: target.role) { target.continuation.yield(event) }
        }
    }
}
