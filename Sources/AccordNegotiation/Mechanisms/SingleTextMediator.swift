import AccordCore

/// The mediator of the single-negotiating-text mechanism (the procedure of the Camp David talks).
///
/// The first draft is the Nash point of the packages on the table: among the packages that cross no red
/// line of a party at the table (and, for a mediating party, reach its own reservation value), the maximum of
/// Π (u_i − rv_i) over the parties at the table among packages that are individually rational for all of
/// them, or, when there is none, the package with the largest smallest margin min_i (u_i − rv_i). Each revision
/// looks at the same packages and keeps those that meet the most objections — an objection by party p naming
/// issue i is met when the package changes issue i to an option that p prefers given the rest of the current
/// draft (an objection naming no issue is met by any package p prefers to the draft) — and among them takes the
/// Nash point again. Ties go to the lowest outcome index.
struct SingleTextMediator {
    let domain: NegotiationDomain
    let participants: [Int]
    let mediatorParty: Int?
    private let reservations: [Double]

    init(domain: NegotiationDomain, participants: [Int], mediator: Mediator) {
        self.domain = domain
        self.participants = participants
        if case .party(let p) = mediator { mediatorParty = p } else { mediatorParty = nil }
        reservations = participants.map { domain.scenario.parties[$0].reservation }
    }

    /// The next draft, or nil when no package is left on the table.
    func draft(after previous: Int, objections: [(party: Int, issue: Int?)], round: Int) -> Int? {
        var best: Int?
        var bestScore = Score(met: -1, rational: false, value: -.infinity)
        for outcome in 0..<domain.outcomeCount where isCandidate(outcome, round: round) {
            var met = 0
            if previous >= 0 {
                for objection in objections where meets(objection, outcome, previous) { met += 1 }
            }
            var product = 1.0
            var margin = Double.infinity
            for (k, p) in participants.enumerated() {
                let gain = domain.utilities[p][outcome] - reservations[k]
                margin = min(margin, gain)
                product *= max(gain, 0)
            }
            let rational = margin >= -utilityTolerance
            let score = Score(met: met, rational: rational, value: rational ? product : margin)
            if score > bestScore {
                bestScore = score
                best = outcome
            }
        }
        return best
    }

    private func isCandidate(_ outcome: Int, round: Int) -> Bool {
        guard domain.isAvailable(outcome, inRound: round) else { return false }
        for p in participants where domain.crossesRedLine(outcome, party: p) { return false }
        if let m = mediatorParty {
            if domain.crossesRedLine(outcome, party: m) { return false }
            if domain.utilities[m][outcome] < domain.scenario.parties[m].reservation - utilityTolerance { return false }
        }
        return true
    }

    private func meets(_ objection: (party: Int, issue: Int?), _ outcome: Int, _ draft: Int) -> Bool {
        let utility = domain.utilities[objection.party]
        guard let issue = objection.issue else { return utility[outcome] > utility[draft] + utilityTolerance }
        let level = domain.level(of: outcome, issue: issue)
        guard level != domain.level(of: draft, issue: issue) else { return false }
        return utility[domain.replacing(issue: issue, level: level, in: draft)] > utility[draft] + utilityTolerance
    }

    /// Objections met first, then rational packages before the others, then the Nash product (or the margin).
    private struct Score: Comparable {
        var met: Int
        var rational: Bool
        var value: Double
        static func < (a: Score, b: Score) -> Bool {
            if a.met != b.met { return a.met < b.met }
            if a.rational != b.rational { return !a.rational }
            return a.value < b.value
        }
    }
}
