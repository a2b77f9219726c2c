import AccordNegotiation
import Foundation

/// A supervised worker's watch on its supervisor: standard input is a pipe whose writing end only the supervisor
/// holds, so reading it ends (end of file) exactly when the supervisor has died, however it died; the worker then
/// ends at once instead of running on as an orphan that writes into the results folder.
enum WorkerLifeline {
    /// The supervisor's process id when this process is a supervised worker (``Supervisor/supervisorVariable``).
    static var supervisor: Int32? {
        ProcessInfo.processInfo.environment[Supervisor.supervisorVariable].flatMap { Int32($0) }
    }

    /// Ends this process at once when its supervisor is already gone, and otherwise as soon as it goes: a thread of
    /// its own reads standard input until it closes.
    /// Its external agents' programs end with it.
    static func watch() {
        guard let supervisor, getppid() == supervisor else { _exit(137) }
        let thread = Thread {
            var byte: UInt8 = 0
            while true {
                let count = read(STDIN_FILENO, &byte, 1)
                if count == 0 || (count < 0 && errno != EINTR) { break }
            }
            ExternalCommand.killEveryRunningProgram()
            _exit(137)
        }
        thread.name = "accord-worker-lifeline"
        thread.start()
    }
}
