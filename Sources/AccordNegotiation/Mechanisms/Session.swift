import AccordCore

/// The negotiation protocols Accord runs (named mechanisms, to avoid confusion with Swift protocols).
public enum MechanismKind: String, CaseIterable, Sendable, Codable {
    /// Bilateral alternating offers (Rubinstein's protocol, as in GENIUS): exactly two parties.
    case alternating
    /// Stacked alternating offers (SAOP, ANAC 2015+): any number of parties in a fixed turn order.
    case saop
    /// A mediated single negotiating text: the mediator drafts, the parties accept or object, the mediator
    /// revises.
    case mediated

    /// Reads a mechanism name (case-insensitive).
    public init(name: String) throws(NegotiationError) {
        guard let kind = MechanismKind(rawValue: name.lowercased()) else { throw .unknownMechanism(name) }
        self = kind
    }
}

/// Who drafts in the mediated mechanism.
public enum Mediator: Sendable, Hashable {
    /// A mediator with no preferences of its own.
    case neutral
    /// A party mediates (scenario index): it drafts only packages that reach its own reservation value, and
    /// it replies to its own drafts like the other parties when it sits at the table.
    case party(Int)
}

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

/// One negotiation between agents under a mechanism.
public struct Session: Sendable {
    public let domain: NegotiationDomain
    public let configuration: SessionConfiguration
    /// One agent per participant, in the configuration's turn order (empty for custom agents).
    public private(set) var agents: [AgentSpecification]
    /// The agents' names, in turn order: their specifications, or the names given with custom agents.
    public let agentNames: [String]
    /// Creates the agents of a run, in turn order.
    let makers: [@Sendable (AgentSetup) -> any NegotiationAgent]

    /// Prepares a session, checking that the mechanism suits the parties.
    ///
    /// - Throws: ``NegotiationError`` when the mechanism needs another number of parties, a participant is
    ///   repeated or unknown, or the agents do not match the participants.
    public init(
        domain: NegotiationDomain, configuration: SessionConfiguration, agents: [AgentSpecification]
    ) throws(NegotiationError) {
        try self.init(
            domain: domain, configuration: configuration, names: agents.map(\.description),
            makers: agents.map { specification in { specification.make($0) } })
        self.agents = agents
    }

    /// Prepares a session with agents of your own (any type conforming to ``NegotiationAgent``): one maker and one
    /// name per participant, in turn order.
    public init(
        domain: NegotiationDomain, configuration: SessionConfiguration, names: [String],
        makers: [@Sendable (AgentSetup) -> any NegotiationAgent]
    ) throws(NegotiationError) {
        let parties = domain.scenario.parties
        for p in configuration.participants where !parties.indices.contains(p) {
            throw .unknownParty("#\(p)", known: parties.map(\.id))
        }
        if let repeated = firstRepeated(configuration.participants) { throw .duplicateParty(parties[repeated].id) }
        let count = configuration.participants.count
        switch configuration.mechanism {
        case .alternating where count != 2:
            throw .wrongPartyCount(mechanism: "alternating-offers", expected: "exactly 2", got: count)
        case .saop where count < 2:
            throw .wrongPartyCount(mechanism: "stacked-alternating-offers", expected: "at least 2", got: count)
        case .mediated where count < 1:
            throw .wrongPartyCount(mechanism: "mediated", expected: "at least 1", got: count)
        default: break
        }
        guard makers.count == count, names.count == count else {
            throw .badAgentSpecification("\(makers.count) agents for \(count) parties at the table")
        }
        if case .party(let p) = configuration.mediator, !parties.indices.contains(p) {
            throw .unknownMediator("#\(p)", known: parties.map(\.id))
        }
        self.domain = domain
        self.configuration = configuration
        self.agents = []
        self.agentNames = names
        self.makers = makers
    }

    /// Runs the session to its end. Same configuration and seed → identical result and trace (unless the
    /// deadline is in wall-clock seconds).
    public func run() -> SessionResult {
        var observer = Unobserved()
        return run(observer: &observer)
    }

    /// Runs the session to its end, showing every action to `observer` as it happens and letting it stop the
    /// session between rounds.
    ///
    /// - Throws: what the observer throws; the session stops there.
    public func run<Observer: SessionObserver>(observer: inout Observer) throws(Observer.Failure) -> SessionResult {
        var run = SessionRun(session: self)
        switch configuration.mechanism {
        case .alternating, .saop: try run.runOffers(&observer)
        case .mediated: try run.runMediated(&observer)
        }
        return run.result()
    }
}

private func firstRepeated(_ values: [Int]) -> Int? {
    var seen = Set<Int>()
    for value in values where !seen.insert(value).inserted { return value }
    return nil
}
