import Synchronization

/// Runs an operation with a deadline that holds even when the operation ignores cancellation: at the deadline the
/// caller gets ``StoreError/database(_:)`` and the operation is cancelled and left to end on its own.
enum StoreDeadline {
    /// Claimed once: by the operation's result or by the deadline, whichever comes first.
    private final class Once: Sendable {
        private let claimed = Mutex(false)

        func claim() -> Bool {
            claimed.withLock { claimed in
                defer { claimed = true }
                return !claimed
            }
        }
    }

    static func run<T: Sendable>(_ limit: Duration, _ operation: @escaping @Sendable () async throws -> T)
        async throws -> T
    {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let once = Once()
            let timer = Task {
                try await Task.sleep(for: limit)
                if once.claim() {
                    continuation.resume(
                        throwing: StoreError.database(
                            "PostgreSQL did not answer within \(limit.components.seconds) s; whether the last write "
                                + "was made is unknown"))
                }
            }
            let work = Task {
                do {
                    let value = try await operation()
                    if once.claim() { continuation.resume(returning: value) }
                } catch {
                    if once.claim() { continuation.resume(throwing: error) }
                }
                timer.cancel()
            }
            _ = work
        }
    }
}
