import AccordCore

/// How a session runs.
public struct SessionConfiguration: Sendable {
    /// The mechanism.
    public var mechanism: MechanismKind
    /// The parties at the table, in turn order (scenario indices). The other parties are not present: the
    /// result still reports their utilities.
    public var participants: [Int]
    /// The deadline.
    public var deadline: Deadline
    /// The seed of every random choice.
    public var seed: UInt64
    /// The mediator of the mediated mechanism.
    public var mediator: Mediator
    /// Whether to record the trace (off in benchmarks and tournaments that need only the result); an observer
    /// passed to ``Session/run(observer:)`` sees every action either way.
    public var recordsTrace: Bool
    /// How many actions the result's trace keeps at each end when the session takes more than twice as many
    /// (``SessionTrace/excerpt``); the counts, expiries and offer sample cover every action. Bounds the memory of a
    /// long wall-clock or many-round session.
    public var traceExcerpt: Int = SessionTrace.defaultExcerpt
    /// A wall-clock limit on the whole session, in seconds, checked before every turn: a session that exceeds it
    /// ends as ``SessionResult/Ending/timeLimit`` (tournaments use it so one slow agent cannot hold up a run).
    public var timeLimit: Double?

    public init(
        mechanism: MechanismKind, participants: [Int], deadline: Deadline, seed: UInt64 = 1,
        mediator: Mediator = .neutral, recordsTrace: Bool = true, timeLimit: Double? = nil
    ) {
        self.timeLimit = timeLimit
        self.mechanism = mechanism
        self.participants = participants
        self.deadline = deadline
        self.seed = seed
        self.mediator = mediator
        self.recordsTrace = recordsTrace
    }
}
