/// How a Monte Carlo acceptance analysis reports its progress and learns that it should stop: two closures that
/// an application layer connects to a progress bar, an event stream or a cancel button.
public struct AcceptanceProgress: Sendable {
    /// Told `(draws done, draws in all)` after each chunk of draws.
    public var report: @Sendable (_ done: Int, _ total: Int) -> Void
    /// Asked after each chunk; `true` stops the analysis with ``AnalysisError/cancelled``.
    public var isCancelled: @Sendable () -> Bool

    /// Creates the hooks; the defaults report nothing and never stop.
    public init(
        report: @escaping @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in },
        isCancelled: @escaping @Sendable () -> Bool = { false }
    ) {
        self.report = report
        self.isCancelled = isCancelled
    }
}
