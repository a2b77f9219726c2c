/// The exit statuses of Accord's commands, one meaning each.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// The command did what was asked.
    case success = 0
    /// The input was fine but the run failed: a file could not be written, a worker gave up.
    case failure = 1
    /// Bad usage or bad input: a malformed file, an unknown option, an impossible number.
    case badInput = 2
    /// The run was interrupted (SIGINT or SIGTERM); what it recorded is kept.
    case interrupted = 130
}
