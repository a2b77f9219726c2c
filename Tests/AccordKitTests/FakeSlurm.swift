import AccordKit
import Synchronization

/// A Slurm cluster in memory: numbers the jobs it is given from 100, answers `jobs` from a script of answers per job
/// (each call takes the next; the last repeats; none means a job the cluster has forgotten) and keeps what it was
/// asked.
final class FakeSlurm: SlurmScheduler {
    struct State {
        var nextID = 100
        var submissions: [(script: String, options: [String])] = []
        var answers: [String: [[SlurmJob]]] = [:]
        var looks: [String] = []
        var cancelled: [String] = []
    }

    let state = Mutex(State())

    /// Sets the answers for job `id`, in the order `jobs(id)` gives them.
    func answer(_ id: String, _ answers: [[SlurmJob]]) { state.withLock { $0.answers[id] = answers } }

    var submissions: [(script: String, options: [String])] { state.withLock { $0.submissions } }
    var cancelled: [String] { state.withLock { $0.cancelled } }
    var looks: [String] { state.withLock { $0.looks } }

    func submit(script: String, options: [String]) async throws -> String {
        state.withLock { state in
            state.submissions.append((script, options))
            state.nextID += 1
            return String(state.nextID - 1)
        }
    }

    func jobs(_ id: String) async throws -> [SlurmJob] {
        state.withLock { state in
            state.looks.append(id)
            guard var answers = state.answers[id], let first = answers.first else { return [] }
            if answers.count > 1 { answers.removeFirst() }
            state.answers[id] = answers
            return first
        }
    }

    func cancel(_ id: String) async throws { state.withLock { $0.cancelled.append(id) } }

    /// An array task's entry.
    static func task(_ k: Int, _ state: String, exit: Int32 = 0, array: String = "100") -> SlurmJob {
        SlurmJob(id: String(200 + k), arrayJobID: array, arrayTask: k, state: state, exitStatus: exit)
    }

    /// A job's entry.
    static func job(_ id: String, _ state: String, exit: Int32 = 0) -> SlurmJob {
        SlurmJob(id: id, state: state, exitStatus: exit)
    }
}
