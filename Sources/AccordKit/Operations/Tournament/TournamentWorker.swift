import Foundation

/// The command line that starts a tournament's worker process: a program that runs the same
/// ``TournamentRequest`` in its own process (``TournamentIsolation/inProcess``), on the same results folder.
///
/// The caller provides it because only the caller knows its program: the `accord` command line passes its own
/// executable (`Bundle.main.executableURL`) and its own arguments with `--worker` added, and a library user passes
/// a program of theirs that does the same. The worker inherits the working directory, the environment and standard
/// error; its standard output is discarded (the supervising process renders the result). It should stop on SIGINT
/// without a message and exit with status 130 (the supervisor reports the interruption), and report other errors
/// on standard error with a non-zero status.
public struct TournamentWorker: Sendable, Equatable {
    /// The program to run.
    public var executable: URL
    /// Its arguments, without the program's name.
    public var arguments: [String]

    /// Creates a worker command line.
    public init(executable: URL, arguments: [String]) {
        self.executable = executable
        self.arguments = arguments
    }
}
