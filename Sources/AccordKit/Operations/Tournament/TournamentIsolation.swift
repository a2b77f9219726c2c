/// Where a tournament plays its negotiations: in the calling process, or in a supervised worker process that is
/// started again when an agent crashes it or hangs it.
public enum TournamentIsolation: Sendable, Equatable {
    /// Plays every negotiation in this process: fastest, but an agent that crashes ends the process.
    case inProcess
    /// Plays them in a worker process (``TournamentWorker``) that this process watches: a worker that crashes, or
    /// whose progress log stops growing for twice the specification's `time_limit` plus 2 s, is started again; it
    /// resumes from the progress log, retries the negotiations it was running one at a time, and records one that
    /// stops it twice as failed. This process reports the worker's progress to the ``RunMonitor`` (read from the
    /// progress log), a note for each restart, and passes an interruption or a cancellation on as SIGINT.
    case supervised(TournamentWorker)
}
