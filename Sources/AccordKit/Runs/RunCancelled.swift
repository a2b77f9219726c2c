/// The error an operation throws when its ``RunMonitor`` cancelled it (a server's DELETE, a Ctrl-C).
public struct RunCancelled: AccordError, Equatable {
    /// Creates the error.
    public init() {}

    public var description: String { "the run was cancelled; what it had recorded is kept" }

    public var exitStatus: ExitStatus { .interrupted }
}
