import AccordCore

/// What a party may do on its turn in an offer-based mechanism.
public enum Action: Sendable, Hashable {
    /// Put an outcome (by index) on the table, replacing the current offer.
    case offer(Int)
    /// Accept the offer on the table.
    case accept
    /// Walk away: the negotiation ends without agreement.
    case end
}

/// A party's reply to a mediator's draft in the single-negotiating-text mechanism.
public enum DraftReply: Sendable, Hashable {
    /// The party accepts the draft as it stands.
    case accept
    /// The party rejects the draft and names the issue it most wants changed (`nil`: no single change helps).
    case object(issue: Int?)
}

/// What an agent knows when it is its turn.
public struct TurnState: Sendable {
    /// The round, counted from 1.
    public var round: Int
    /// Normalised time in [0, 1] (see ``Deadline/time(ofRound:elapsed:)``).
    public var t: Double
    /// The availability epoch of the round (see ``NegotiationDomain/epoch(ofRound:)``).
    public var epoch: Int
    /// The outcome on the table, or -1 when there is none.
    public var offer: Int
    /// The scenario index of the party that made the offer, or -1.
    public var offerer: Int

    public init(round: Int, t: Double, epoch: Int, offer: Int = -1, offerer: Int = -1) {
        self.round = round
        self.t = t
        self.epoch = epoch
        self.offer = offer
        self.offerer = offerer
    }

    /// Whether an offer is on the table.
    public var hasOffer: Bool { offer >= 0 }
}

/// What an agent is told when a session starts.
public struct AgentSetup: Sendable {
    /// The prepared scenario.
    public var domain: NegotiationDomain
    /// The agent's party (index into the scenario's parties).
    public var party: Int
    /// The parties at the table, in turn order (scenario indices).
    public var participants: [Int]
    /// The deadline.
    public var deadline: Deadline

    public init(domain: NegotiationDomain, party: Int, participants: [Int], deadline: Deadline) {
        self.domain = domain
        self.party = party
        self.participants = participants
        self.deadline = deadline
    }

    /// The other parties at the table.
    public var opponents: [Int] { participants.filter { $0 != party } }
}

/// A negotiating agent: it chooses an action on its turn, watches the others' actions, and answers a
/// mediator's drafts.
///
/// Agents are values, created fresh for every session by an ``AgentSpecification``. An agent sees its own
/// utilities and reservation (through its ``AgentView``) and the actions of the others, never their
/// preferences, unless its documentation says otherwise (the Nash seeker is a full-information agent).
public protocol NegotiationAgent {
    /// The agent's action on its turn.
    mutating func respond(to state: TurnState, generator: inout SeededGenerator) -> Action
    /// Tells the agent what another party did (offers, acceptances, walk-aways), in order.
    mutating func observe(_ action: Action, by party: Int, state: TurnState)
    /// The agent's reply to a mediator's draft.
    mutating func reply(toDraft draft: Int, state: TurnState, generator: inout SeededGenerator) -> DraftReply
}

extension NegotiationAgent {
    public mutating func observe(_ action: Action, by party: Int, state: TurnState) {}
}

/// An agent's view of its own preferences: its utility of every outcome, its reservation value, and its
/// ranking of the outcomes still on the table.
public struct AgentView: Sendable {
    /// The prepared scenario.
    public let domain: NegotiationDomain
    /// The agent's party.
    public let party: Int
    /// The agent's utility of every outcome.
    public let utilities: [Double]
    /// The agent's reservation value.
    public let reservation: Double
    /// The agent's outcomes on the table in the current epoch, best first (red lines excluded).
    public private(set) var ranking: Ranking
    /// The epoch `ranking` belongs to.
    public private(set) var epoch: Int

    public init(setup: AgentSetup) {
        domain = setup.domain
        party = setup.party
        utilities = setup.domain.utilities[setup.party]
        reservation = setup.domain.scenario.parties[setup.party].reservation
        ranking = setup.domain.ranking(party: setup.party, epoch: 0)
        epoch = 0
    }

    /// Moves to the ranking of an epoch (after options left the table); returns whether it changed.
    @inline(__always)
    @discardableResult
    public mutating func update(epoch: Int) -> Bool {
        guard epoch != self.epoch else { return false }
        self.epoch = epoch
        ranking = domain.ranking(party: party, epoch: epoch)
        return true
    }

    /// The best utility on the table.
    public var best: Double { ranking.best }
    /// The lowest utility the agent will offer or accept: its reservation value or, if higher, its worst outcome
    /// (GENIUS's Pmin).
    public var floor: Double { max(ranking.worst, reservation) }

    /// Whether an outcome is acceptable at all: it reaches the reservation value and crosses no red line.
    @inline(__always)
    public func isRational(_ outcome: Int) -> Bool {
        utilities[outcome] >= reservation - utilityTolerance && !domain.crossesRedLine(outcome, party: party)
    }

    /// Whether nothing on the table reaches the reservation value: a rational agent then walks away.
    public var hasNoRationalOutcome: Bool { ranking.count == 0 || ranking.best < reservation - utilityTolerance }

    /// The issue whose change (to an option still on the table) would raise the agent's utility of `outcome`
    /// most, or nil when no single change raises it. Ties go to the earlier issue.
    public func mostWantedChange(in outcome: Int, round: Int) -> Int? {
        var bestIssue: Int?
        var bestGain = utilityTolerance
        let radices = domain.scenario.space.radices
        for issue in radices.indices {
            for level in 0..<radices[issue] {
                let changed = domain.replacing(issue: issue, level: level, in: outcome)
                guard domain.isAvailable(changed, inRound: round), !domain.crossesRedLine(changed, party: party) else {
                    continue
                }
                let gain = utilities[changed] - utilities[outcome]
                if gain > bestGain {
                    bestGain = gain
                    bestIssue = issue
                }
            }
        }
        return bestIssue
    }
}
