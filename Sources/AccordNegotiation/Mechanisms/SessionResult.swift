import AccordCore

/// How a session ended and what each party got.
public struct SessionResult: Sendable {
    /// Why the session ended.
    public enum Ending: Sendable, Hashable {
        /// Everyone required accepted.
        case agreement
        /// The deadline passed.
        case deadline
        /// A party walked away.
        case walkAway(party: Int)
        /// A party broke the mechanism's rules (offered an outcome not on the table, accepted nothing); the
        /// session ends without agreement.
        case violation(party: Int, reason: String)
        /// The session exceeded its configuration's ``SessionConfiguration/timeLimit``: a failure, not a deadline.
        case timeLimit
        /// A party's agent failed (an external agent's program crashed, hung past its reply limit or broke the
        /// protocol: ``NegotiationAgent/failure``); the session ends without agreement.
        case agentFailed(party: Int, reason: String)
    }

    public var mechanism: MechanismKind
    public var participants: [Int]
    public var ending: Ending
    /// The agreed outcome, or nil.
    public var agreement: Int?
    /// The round of the agreement or of the end.
    public var round: Int
    /// The normalised time of the agreement or of the end (1 at the deadline).
    public var t: Double
    /// Every scenario party's utility (undiscounted): of the agreement, or its reservation value without one.
    public var utilities: [Double]
    /// The same, discounted by each party's discount factor at time t.
    public var discountedUtilities: [Double]
    /// The trace, bounded: every action of a short session, the first and last ones of a long one, with counts
    /// (empty unless the configuration records it).
    public var trace: SessionTrace

    /// Social welfare: the sum of the participants' discounted utilities.
    public var welfare: Double { participants.reduce(0) { $0 + discountedUtilities[$1] } }
    /// Whether the session reached an agreement.
    public var isAgreement: Bool { agreement != nil }
}
