import AccordCore

/// The full-information Nash seeker: it offers the Nash point of the outcomes on the table — the maximum of
/// Π (u_i − rv_i) over the parties at the table among outcomes every one of them finds individually rational
/// (or, when there is none, the outcome maximising the smallest margin u_i − rv_i) — and its target is its own
/// utility there. Unlike the other agents it reads every party's true utilities, as a mediator's model of an
/// idealised cooperative negotiator.
public struct NashBidding: BiddingStrategy {
    private let participants: [Int]
    private var point = -1
    private var pointEpoch = -1

    public init(setup: AgentSetup) { participants = setup.participants }

    public func target(at t: Double, view: AgentView) -> Double {
        point >= 0 ? view.utilities[point] : view.best
    }

    public mutating func nextBid<Model: OpponentModel>(
        state: TurnState, view: AgentView, model: Model, generator: inout SeededGenerator
    ) -> Int {
        if point < 0 || pointEpoch != view.epoch {
            point = NashBidding.nashPoint(
                of: participants, domain: view.domain, epoch: view.epoch, ranking: view.ranking)
            pointEpoch = view.epoch
        }
        return point
    }

    /// The Nash point (or the max–min-margin outcome when no outcome is rational for all) among the outcomes of a
    /// ranking (the caller's outcomes on the table).
    static func nashPoint(of participants: [Int], domain: NegotiationDomain, epoch: Int, ranking: Ranking) -> Int {
        let reservations = participants.map { domain.scenario.parties[$0].reservation }
        var best = -1
        var bestProduct = -Double.infinity
        var fallback = Int(ranking.outcomes[0])
        var fallbackMargin = -Double.infinity
        for raw in ranking.outcomes {
            let outcome = Int(raw)
            var product = 1.0
            var margin = Double.infinity
            var crosses = false
            for (k, p) in participants.enumerated() {
                if domain.crossesRedLine(outcome, party: p) { crosses = true }
                let gain = domain.utilities[p][outcome] - reservations[k]
                margin = min(margin, gain)
                product *= max(gain, 0)
            }
            if crosses { continue }
            if margin >= -utilityTolerance {
                if product > bestProduct || (product == bestProduct && outcome < best) {
                    bestProduct = product
                    best = outcome
                }
            } else if margin > fallbackMargin {
                fallbackMargin = margin
                fallback = outcome
            }
        }
        return best >= 0 ? best : fallback
    }
}
