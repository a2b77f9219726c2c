import Foundation

/// The programs a tournament worker leaves behind when it dies abruptly (SIGKILL, out of memory, or killed as
/// stuck): its external agents run in process groups of their own, so they outlive it. Each worker is started with a
/// token in its environment, which its agents inherit; once the worker has exited, the supervisor finds every
/// process whose environment holds that token (Linux's `/proc/PID/environ`; elsewhere none) and kills its group.
enum LeftoverAgents {
    /// The environment variable that carries a worker's token.
    static let tokenVariable = "ACCORD_TOURNAMENT_WORKER_TOKEN"

    /// A fresh token for one worker.
    static func newToken() -> String { UUID().uuidString }

    /// Kills the process group of every process that carries `token`; returns how many there were.
    @discardableResult
    static func kill(token: String) -> Int {
        let marker = Array("\(tokenVariable)=\(token)".utf8)
        let me = getpid()
        var killed = 0
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = Int32(entry), pid != me,
                let environment = FileManager.default.contents(atPath: "/proc/\(pid)/environ"),
                environment.split(separator: 0).contains(where: { $0.elementsEqual(marker) })
            else { continue }
            _ = Foundation.kill(-pid, SIGKILL)  // its group: the agent and anything it started
            _ = Foundation.kill(pid, SIGKILL)  // and itself, should it have left its group
            killed += 1
        }
        return killed
    }
}
