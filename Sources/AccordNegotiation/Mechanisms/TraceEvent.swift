import AccordCore

/// One line of a session's trace.
public struct TraceEvent: Sendable, Hashable {
    /// What happened.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A party put an outcome on the table (in the mediated mechanism: the mediator's draft).
        case offer
        /// A party accepted the offer or draft on the table.
        case accept
        /// A party walked away.
        case end
        /// Options left the table (`options`); an offer containing them was withdrawn (`outcome`).
        case expire
        /// A party rejected the mediator's draft, naming the issue it most wants changed (`issue`).
        case object
    }

    /// The round of the action, from 1.
    public var round: Int
    /// The normalised time of the action (1 at the deadline).
    public var t: Double
    /// The acting party (scenario index); nil for the neutral mediator and for expiries.
    public var party: Int?
    public var kind: Kind
    /// The outcome offered, accepted or withdrawn.
    public var outcome: Int?
    /// The issue an objection names.
    public var issue: Int?
    /// The options that left the table (`issue=option`).
    public var options: [String]

    public init(
        round: Int, t: Double, party: Int?, kind: Kind, outcome: Int? = nil, issue: Int? = nil, options: [String] = []
    ) {
        self.round = round
        self.t = t
        self.party = party
        self.kind = kind
        self.outcome = outcome
        self.issue = issue
        self.options = options
    }
}
