/// Watches a session as it runs: it sees every action as it happens, and may stop the session between rounds.
///
/// A session keeps only a bounded record of its actions (``SessionTrace``); an observer is how a caller sees every
/// one of them in constant memory, to stream them to a file or a client, or to report progress and stop a run that
/// is no longer wanted.
public protocol SessionObserver {
    /// The error with which the observer stops a session; `Never` (the default) for one that never does. An observer
    /// that throws names it (`typealias Failure = MyError`): Swift does not infer it from a typed `throws`.
    associatedtype Failure: Error = Never

    /// Called with every action, in order, as it happens (also when the session does not record its trace); throwing
    /// stops the session.
    mutating func observe(_ event: TraceEvent) throws(Failure)

    /// Called after every complete round, before the next one begins (not after the round in which the session
    /// ends early); throwing stops the session.
    mutating func roundEnded(_ round: Int) throws(Failure)
}

/// The observer of a session run without one.
struct Unobserved: SessionObserver {
    func observe(_ event: TraceEvent) {}

    func roundEnded(_ round: Int) {}
}
