/// Where a run stands.
public enum RunStatus: String, Sendable, CaseIterable, Hashable {
    /// Accepted, waiting for a worker.
    case queued
    /// Running now.
    case running
    /// Finished with a result.
    case succeeded
    /// Stopped on an error; the record holds its sentence.
    case failed
    /// Stopped because its monitor asked it to.
    case cancelled
    /// Cut off by a stop of the process that ran it (found so on the next start).
    case interrupted

    /// Whether the run has ended, one way or another.
    public var isFinal: Bool { self != .queued && self != .running }
}
