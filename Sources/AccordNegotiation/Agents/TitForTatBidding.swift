import AccordCore

/// Relative tit-for-tat in the style of Nice Tit-for-Tat (Baarslag, Hindriks & Jonker 2013): the agent
/// mirrors the opponents' concession, measured against the estimated Nash point.
///
/// An opponent's concession is measured in the agent's own utility: the fraction of the way its offers have
/// moved from its first offer toward the estimated Nash point N̂, c = clamp((u(last) − u(first)) /
/// (u(N̂) − u(first)), 0, 1) (1 when its first offer already gives the agent u(N̂)), averaged over the
/// opponents; N̂ maximises (u − rv)·û over the outcomes on the table, û being the opponent model's estimate.
/// The agent's target is then Pmax − (Pmax − max(u_self(N̂), Pmin))·c: it concedes the same fraction of the
/// way to the Nash point. It opens with its best outcome and, among the outcomes near its target, offers the
/// one the model rates best for the opponents.
public struct TitForTatBidding: BiddingStrategy {
    public var window: Double
    private var firstOffers: [Int: Int] = [:]
    private var lastOffers: [Int: Int] = [:]
    private var nash: Int = -1
    private var nashEpoch = -1
    private var turns = 0
    private var currentTarget = Double.infinity
    /// The estimated Nash point is recomputed on turns 1, 2, 4, 8, … and on every multiple of this many turns.
    public static let nashRefreshTurns = 100

    public init(window: Double = 0.02) { self.window = window }

    public func target(at t: Double, view: AgentView) -> Double { min(currentTarget, view.best) }

    /// Records an opponent's offer (the BOA agent's model sees it too).
    mutating func note(offer: Int, from party: Int) {
        if firstOffers[party] == nil { firstOffers[party] = offer }
        lastOffers[party] = offer
    }

    public mutating func nextBid<Model: OpponentModel>(
        state: TurnState, view: AgentView, model: Model, generator: inout SeededGenerator
    ) -> Int {
        turns += 1
        if state.hasOffer && state.offerer >= 0 { note(offer: state.offer, from: state.offerer) }
        let ranking = view.ranking
        guard model.isActive, !firstOffers.isEmpty else {
            currentTarget = view.best
            return Int(ranking.outcomes[0])
        }
        let scheduled = turns & (turns - 1) == 0 || turns % Self.nashRefreshTurns == 0
        if nash < 0 || nashEpoch != view.epoch || scheduled {
            nash = estimatedNash(view: view, model: model)
            nashEpoch = view.epoch
        }
        var concession = 0.0
        let goal = view.utilities[nash]
        for (party, first) in firstOffers {
            let start = view.utilities[first]
            let now = view.utilities[lastOffers[party] ?? first]
            concession += goal - start > 1e-12 ? min(1, max(0, (now - start) / (goal - start))) : 1
        }
        concession /= Double(firstOffers.count)
        let high = view.best
        let low = min(high, max(view.utilities[nash], view.floor))
        currentTarget = high - (high - low) * concession
        let position = ranking.position(atLeast: currentTarget)
        return TimeDependentBidding.opponentAwareBid(from: position, ranking: ranking, window: window, model: model)
    }

    private func estimatedNash<Model: OpponentModel>(view: AgentView, model: Model) -> Int {
        let ranking = view.ranking
        var best = Int(ranking.outcomes[0])
        var bestProduct = -Double.infinity
        for position in 0..<ranking.count {
            let own = ranking.utilities[position] - view.reservation
            if own < 0 { break }
            let outcome = Int(ranking.outcomes[position])
            let product = own * model.opponentsUtility(of: outcome)
            if product > bestProduct {
                bestProduct = product
                best = outcome
            }
        }
        return best
    }
}
