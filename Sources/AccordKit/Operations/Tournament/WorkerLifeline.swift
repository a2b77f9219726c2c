import Foundation

/// A supervised worker's watch on its supervisor: standard input is a pipe whose writing end only the supervisor
/// holds, so reading it ends (end of file) exactly when the supervisor has died, however it died; the worker then
/// ends at once instead of running on as an orphan that writes into the results folder.
enum WorkerLifeline {
    /// Starts the watch in a thread of its own when this process is a supervised worker; does nothing otherwise.
    static func watchIfSupervised() {
        guard ResultsFolderLock.isHeldBySupervisor else { return }
        let thread = Thread {
            var byte: UInt8 = 0
            while true {
                let count = read(STDIN_FILENO, &byte, 1)
                if count == 0 || (count < 0 && errno != EINTR) { break }
            }
            _exit(137)
        }
        thread.name = "accord-worker-lifeline"
        thread.start()
    }
}
