import AccordCore
import RealModule

/// HardHeaded, the winner of ANAC 2011 (van Krimpen, Looije & Hajizadeh, "HardHeaded", in *Complex Automated
/// Negotiations: Theories, Models, and Software Competitions*, Springer 2013), reimplemented from its published
/// description.
///
/// A very Boulware concession with a frequency opponent model. Its threshold at time t is
/// `Pmax − (Pmax − Pmin)·τ^(1/e)` with e = ``exponent`` (0.05) and τ = t rescaled to reach 1 at the second-to-last
/// round: it concedes almost nothing until near the deadline. Pmin is the largest of its reservation value (or worst outcome), ``minimumUtility``·Pmax and the
/// best offer received so far. It offers, among the outcomes from its threshold up to ``window`` above it, one of
/// the ``topSelected`` its ``FrequencyModel`` rates best for the opponent (drawn with the session's generator); it
/// never offers below its threshold, and once its threshold reaches the opponent's best offer it offers that
/// back. It accepts an individually rational offer worth at least its next bid or the lowest bid it has made.
/// With more than two parties, the offers of all others form one stream (see docs/agents.md).
public struct HardHeadedAgent: NegotiationAgent {
    /// The concession exponent e (Boulware: e < 1).
    public static let exponent = 0.05
    /// The lowest threshold as a fraction of Pmax (0.585, as published for ANAC 2011's domains).
    public static let minimumUtility = 0.585
    /// How far above the threshold a bid may lie.
    public static let window = 0.02
    /// How many of the candidates rated best for the opponent the bid is drawn from.
    public static let topSelected = 4

    /// The agent's view of its preferences.
    public private(set) var view: AgentView
    /// The frequency opponent model (learning rate 0.2).
    public private(set) var model: FrequencyModel
    private var history = OfferHistory()
    /// The lowest utility among the agent's own offers so far (+∞ before its first).
    public private(set) var lowestOffered = Double.infinity
    private let end: Double

    /// A HardHeaded agent for a session.
    public init(setup: AgentSetup) {
        view = AgentView(setup: setup)
        model = FrequencyModel(setup: setup, learningRate: 0.2)
        end = ChampionSupport.scheduleEnd(of: setup)
    }

    /// The lowest utility the agent will offer: its Pmin.
    public var minimum: Double {
        let high = view.best
        return min(high, max(view.floor, Self.minimumUtility * high, history.bestUtility))
    }

    /// The agent's threshold at time t: `Pmax − (Pmax − Pmin)·τ^(1/e)`, τ = t rescaled so that it reaches 1 at the
    /// second-to-last round (``ChampionSupport/scheduleEnd(of:)``).
    public func threshold(at t: Double) -> Double {
        let high = view.best
        let tau = ChampionSupport.scheduled(t, end: end)
        return high - (high - minimum) * (tau <= 0 ? 0 : Double.pow(tau, 1 / Self.exponent))
    }

    /// The agent's action on its turn: accept, counter-offer, or walk away when nothing on the table is rational.
    public mutating func respond(to state: TurnState, generator: inout SeededGenerator) -> Action {
        view.update(epoch: state.epoch)
        if view.hasNoRationalOutcome { return .end }
        let bid = nextBid(at: state.t, round: state.round, generator: &generator)
        if state.hasOffer && view.isRational(state.offer) {
            let offered = view.utilities[state.offer]
            if offered >= view.utilities[bid] - utilityTolerance || offered >= lowestOffered - utilityTolerance {
                return .accept
            }
        }
        lowestOffered = min(lowestOffered, view.utilities[bid])
        return .offer(bid)
    }

    private func nextBid(at t: Double, round: Int, generator: inout SeededGenerator) -> Int {
        let target = threshold(at: t)
        if history.best >= 0 && view.domain.isAvailable(history.best, inRound: round)
            && view.isRational(history.best) && history.bestUtility >= target - utilityTolerance
        {
            return history.best
        }
        if history.isEmpty { return Int(view.ranking.outcomes[0]) }
        return ChampionSupport.opponentAwareBid(
            ranking: view.ranking, target: target, window: Self.window, model: model, top: Self.topSelected,
            generator: &generator)
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
