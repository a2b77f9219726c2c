/// What a running operation tells its ``RunMonitor``.
public enum RunEvent: Sendable, Equatable {
    /// `done` of `total` units of work (negotiations, draws, rounds, turns) are finished.
    case progress(RunProgress)
    /// One action of a simulation's trace, as the JSON line that `--trace` writes (without the newline).
    case action(String)
    /// A remark on the run, such as a restarted worker.
    case note(String)
}
