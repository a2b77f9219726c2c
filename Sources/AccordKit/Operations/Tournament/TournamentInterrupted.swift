/// The error of a tournament stopped by SIGINT or SIGTERM (``Interrupt``): what it recorded is kept, and the same
/// request run again continues where it stopped (exit status 130).
public struct TournamentInterrupted: AccordError, Equatable {
    /// Creates the error.
    public init() {}

    public var description: String { "interrupted; run the same command again to continue where it stopped" }

    public var exitStatus: ExitStatus { .interrupted }
}
