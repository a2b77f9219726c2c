import AccordCore

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
