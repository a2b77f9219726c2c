/// The bounded queue in front of the workers: at most `workers` runs execute at once, at most `limit` wait; one
/// more is refused (503) rather than left to pile up.
actor RunQueue {
    private let workers: Int
    private let limit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(workers: Int, limit: Int) {
        self.workers = max(1, workers)
        self.limit = max(0, limit)
    }

    /// Whether another run can be accepted now (a worker is free or a place in the queue).
    var hasRoom: Bool { running < workers || waiting.count < limit }

    /// Waits for a worker; throws a 503 problem when the queue is full.
    func acquire() async throws {
        if running < workers {
            running += 1
            return
        }
        guard waiting.count < limit else {
            throw Problem(.serviceUnavailable, "the server is busy: \(limit) runs are waiting; try again shortly.")
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Frees a worker for the next waiting run.
    func release() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }

    /// Runs `body` on a worker.
    func withWorker<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        try await acquire()
        do {
            let value = try await body()
            release()
            return value
        } catch {
            release()
            throw error
        }
    }
}
