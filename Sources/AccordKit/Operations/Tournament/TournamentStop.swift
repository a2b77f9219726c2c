/// Whether a tournament should stop taking negotiations, and the error it ends with when it stopped short.
enum TournamentStop {
    /// Whether SIGINT or SIGTERM arrived (``Interrupt``), the monitor cancelled the run, or the task was cancelled.
    static func isRequested(by monitor: any RunMonitor) -> Bool {
        Interrupt.isRequested || isCancelled(by: monitor)
    }

    /// The error of a run stopped short: ``RunCancelled`` when the monitor or the task cancelled it,
    /// ``TournamentInterrupted`` when a signal did.
    static func error(of monitor: any RunMonitor) -> any AccordError {
        isCancelled(by: monitor) ? RunCancelled() : TournamentInterrupted()
    }

    private static func isCancelled(by monitor: any RunMonitor) -> Bool { monitor.isCancelled || Task.isCancelled }
}
