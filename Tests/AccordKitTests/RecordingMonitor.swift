import AccordKit
import Synchronization

/// Keeps what a run reports, and cancels it once `cancelAfter` units of work (negotiations, draws) are done.
final class RecordingMonitor: RunMonitor {
    private let events = Mutex<[RunEvent]>([])
    private let cancelAfter: Int?

    init(cancelAfter: Int? = nil) { self.cancelAfter = cancelAfter }

    func observe(_ event: RunEvent) { events.withLock { $0.append(event) } }

    var isCancelled: Bool {
        guard let cancelAfter else { return false }
        return (progress.last?.done ?? 0) >= cancelAfter
    }

    var progress: [RunProgress] {
        events.withLock { events in
            events.compactMap { event in
                guard case .progress(let progress) = event else { return nil }
                return progress
            }
        }
    }

    /// The actions sent as `.action` events (a simulation's trace lines), in order.
    var actions: [String] {
        events.withLock { events in
            events.compactMap { event in
                guard case .action(let line) = event else { return nil }
                return line
            }
        }
    }

    var notes: [String] {
        events.withLock { events in
            events.compactMap { event in
                guard case .note(let note) = event else { return nil }
                return note
            }
        }
    }
}
