/// Watches a long run and may stop it: the one protocol through which a terminal progress bar, a server-sent event
/// stream or a test observe the same operation.
///
/// Operations call ``observe(_:)`` from any task (a monitor must be safe to call concurrently) and check
/// ``isCancelled`` between units of work; a cancelled operation throws ``RunCancelled``.
public protocol RunMonitor: Sendable {
    /// Called as the run advances.
    func observe(_ event: RunEvent)

    /// Whether the run should stop at its next check.
    var isCancelled: Bool { get }
}
