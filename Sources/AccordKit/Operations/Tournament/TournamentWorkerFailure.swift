/// Why a supervised tournament (``TournamentIsolation/supervised(_:)``) ended without its results: the worker could
/// not start, stopped on an error of its own, kept crashing, or ended without finishing.
public enum TournamentWorkerFailure: AccordError, Equatable {
    /// The worker's executable could not be started.
    case cannotStart(executable: String, reason: String)
    /// The worker exited with this non-zero status, having written its reason to standard error (inherited from
    /// this process): a command line exits with the same status and adds nothing.
    case exited(status: Int32)
    /// The worker crashed or hung this many times (or three times in a row without recording anything); the results
    /// recorded so far are kept.
    case gaveUp(restarts: Int)
    /// The worker exited with status 0, but the progress log lacks some of the slice's records.
    case unfinished

    public var description: String {
        switch self {
        case .cannotStart(let executable, let reason):
            return "cannot start the tournament worker '\(executable)': \(reason)"
        case .exited(let status):
            return "the tournament worker stopped with exit status \(status); it wrote why on standard error"
        case .gaveUp(let restarts):
            return "the tournament worker stopped \(restarts) times; giving up (the results so far are kept)"
        case .unfinished:
            return "the tournament worker ended without recording every negotiation; run the same command again to "
                + "continue"
        }
    }

    public var exitStatus: ExitStatus {
        guard case .exited(let status) = self else { return .failure }
        return ExitStatus(rawValue: status) ?? .failure
    }
}
