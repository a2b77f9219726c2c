import AccordCore
import RealModule

/// CUHKAgent, the winner of ANAC 2012 (Hao & Leung, "CUHKAgent: an adaptive negotiation strategy for bilateral
/// negotiations over multiple items", in *Novel Insights in Agent-based Complex Automated Negotiation*, Springer
/// 2014), reimplemented from its published description.
///
/// CUHKAgent exploits its opponent until a **non-exploitation point** λ and concedes after it, adapting λ to the
/// opponent's concession degree c (how far, in the agent's utility, the opponent's best offer has moved from its
/// first offer toward the agent's best outcome) and to the discount factor δ:
/// `λ = δ·(0.7 + 0.25·c)` — the more the opponent concedes, the longer CUHKAgent holds out; the stronger the
/// discount, the sooner it concedes. With L the larger of its floor (reservation or worst outcome) and the best
/// offer received, and M = (Pmax + L)/2, its threshold falls from Pmax to M by λ (`Pmax − (Pmax − M)·(t/λ)²`) and
/// then linearly from M to L at the second-to-last round. It accepts an individually rational offer worth at least its
/// threshold or its next bid; it offers, among the outcomes within ``window`` above its threshold, the one its
/// ``FrequencyModel`` rates best for the opponent, and after λ the opponent's best offer once the threshold
/// reaches it. With more than two parties, the offers of all others form one stream.
public struct CUHKAgent: NegotiationAgent {
    /// How far above the threshold a bid may lie.
    public static let window = 0.02

    /// The agent's view of its preferences.
    public private(set) var view: AgentView
    /// The frequency opponent model.
    public private(set) var model: FrequencyModel
    private var history = OfferHistory()
    private let discount: Double
    private let end: Double

    /// A CUHKAgent for a session.
    public init(setup: AgentSetup) {
        view = AgentView(setup: setup)
        model = FrequencyModel(setup: setup)
        discount = ChampionSupport.discount(of: view)
        end = ChampionSupport.scheduleEnd(of: setup)
    }

    /// The non-exploitation point for an opponent concession degree c in [0, 1] and a discount factor δ in (0, 1].
    public static func nonExploitationPoint(concession c: Double, discount δ: Double) -> Double {
        δ * (0.7 + 0.25 * min(1, max(0, c)))
    }

    /// The opponent's concession degree so far, in [0, 1] (0 before any offer).
    public var opponentConcession: Double { history.concessionDegree(toward: view.best) }

    /// The current non-exploitation point λ.
    public var nonExploitationPoint: Double {
        Self.nonExploitationPoint(concession: opponentConcession, discount: discount)
    }

    /// The agent's threshold at time t (see the type's description; t is rescaled to reach 1 at the
    /// second-to-last round, ``ChampionSupport/scheduleEnd(of:)``).
    public func threshold(at time: Double) -> Double {
        let t = ChampionSupport.scheduled(time, end: end)
        let high = view.best
        let low = min(high, max(view.floor, history.bestUtility))
        let middle = (high + low) / 2
        let lambda = nonExploitationPoint
        if t <= lambda {
            let x = lambda > 0 ? t / lambda : 1
            return high - (high - middle) * x * x
        }
        return middle - (middle - low) * min(1, (t - lambda) / max(1 - lambda, 1e-12))
    }

    /// The agent's action on its turn: accept, counter-offer, or walk away when nothing on the table is rational.
    public mutating func respond(to state: TurnState, generator: inout SeededGenerator) -> Action {
        view.update(epoch: state.epoch)
        if view.hasNoRationalOutcome { return .end }
        let target = threshold(at: state.t)
        let bid = nextBid(target: target, state: state, generator: &generator)
        if state.hasOffer && view.isRational(state.offer) {
            let offered = view.utilities[state.offer]
            if offered >= min(target, view.utilities[bid]) - utilityTolerance { return .accept }
        }
        return .offer(bid)
    }

    private func nextBid(target: Double, state: TurnState, generator: inout SeededGenerator) -> Int {
        if history.isEmpty { return Int(view.ranking.outcomes[0]) }
        if ChampionSupport.scheduled(state.t, end: end) > nonExploitationPoint
            && history.bestUtility >= target - utilityTolerance
            && view.domain.isAvailable(history.best, inRound: state.round) && view.isRational(history.best)
        {
            return history.best
        }
        return ChampionSupport.opponentAwareBid(
            ranking: view.ranking, target: target, window: Self.window, model: model, top: 1, generator: &generator)
    }

    /// Learns from another party's action (its offers feed the opponent statistics).
    public mutating func observe(_ action: Action, by party: Int, state: TurnState) {
        guard case .offer(let outcome) = action else { return }
        model.observe(offer: outcome, from: party)
        history.note(outcome, utility: view.utilities[outcome])
    }

    /// Accepts a mediator's draft worth at least the current threshold, else names the issue it most wants changed.
    public mutating func reply(toDraft draft: Int, state: TurnState, generator: inout SeededGenerator) -> DraftReply {
        view.update(epoch: state.epoch)
        return ChampionSupport.reply(toDraft: draft, threshold: threshold(at: state.t), view: view, round: state.round)
    }
}
