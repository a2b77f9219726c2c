import Foundation
import Synchronization

/// SIGINT and SIGTERM as a request to stop: once ``install()`` has run, either signal sets ``isRequested`` instead of
/// ending the process, and a running tournament stops taking new negotiations (what it recorded stays recorded).
///
/// A library does not take a process's signals on its own: the command line installs this, a server that wants
/// Ctrl-C to stop its tournaments may, and one that does not cancels through its ``RunMonitor`` instead.
public enum Interrupt {
    private static let flag = Atomic<Bool>(false)

    /// Whether SIGINT or SIGTERM arrived since ``install()``.
    public static var isRequested: Bool { flag.load(ordering: .relaxed) }

    /// Catches SIGINT and SIGTERM from now on, and unblocks them (a process may inherit them blocked).
    public static func install() {
        signal(SIGINT) { _ in Interrupt.flag.store(true, ordering: .relaxed) }
        signal(SIGTERM) { _ in Interrupt.flag.store(true, ordering: .relaxed) }
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        sigprocmask(SIG_UNBLOCK, &signals, nil)
    }
}
