import AccordCore
import RealModule

/// AgentK, second at ANAC 2010 (Kawaguchi, Fujita & Ito, "Compromising strategy based on estimated maximum
/// utility for automated negotiating agents", in *New Trends in Agent-Based Complex Automated Negotiations*,
/// Springer 2012), reimplemented from its published description.
///
/// AgentK estimates the best utility it can still expect from the opponent from the mean μ and standard deviation
/// σ of the opponent's offers (in its own utility, scaled to Pmax = 1): assuming the offers spread uniformly, their
/// width is d = √12·σ and the estimated maximum is `emax = μ + (1 − μ)·d` (at most 1). Its target concedes from
/// Pmax toward emax: `target(t) = Pmax − (Pmax − emax)·t^α`, with α = ``exponent(mean:)`` (the more the
/// opponent offers on average, the more slowly it concedes), never below its reservation value. It accepts an
/// offer worth at least the target; below the target it accepts with probability
/// `t^α/5 + (u − emax) + (u − target)` (clamped to [0, 1], drawn with the session's generator). It offers back the
/// opponent's best offer once that reaches the target, else an outcome drawn uniformly from those within
/// ``window`` above the target. With more than two parties, the offers of all others form one stream.
public struct AgentK: NegotiationAgent {
    /// How far above the target a bid may lie.
    public static let window = 0.05

    /// The agent's view of its preferences.
    public private(set) var view: AgentView
    private var history = OfferHistory()

    /// An AgentK for a session.
    public init(setup: AgentSetup) { view = AgentView(setup: setup) }

    /// The concession exponent for a mean opponent offer μ (scaled to Pmax = 1): α = 3 + 6μ.
    public static func exponent(mean: Double) -> Double { 3 + 6 * min(1, max(0, mean)) }

    /// The estimated maximum utility the opponent will offer, `μ + (1 − μ)·√12·σ` in the agent's utility scaled
    /// to Pmax = 1 and scaled back (Pmax before any offer).
    public var estimatedMaximum: Double {
        let high = view.best
        guard !history.isEmpty, high > 0 else { return high }
        let mean = history.mean / high
        let width = 12.0.squareRoot() * history.variance.squareRoot() / high
        return high * min(1, mean + (1 - mean) * min(1, width))
    }

    /// The mean of the opponent's offers, in the agent's utility (0 before any).
    public var meanReceived: Double { history.mean }

    /// The agent's target at time t: `Pmax − (Pmax − emax)·t^α`, at least its floor (reservation or worst outcome).
    public func target(at t: Double) -> Double {
        let high = view.best
        let alpha = Self.exponent(mean: high > 0 ? history.mean / high : 0)
        let goal = min(high, max(view.floor, estimatedMaximum))
        return max(view.floor, high - (high - goal) * (t <= 0 ? 0 : Double.pow(t, alpha)))
    }

    /// The probability of accepting an offer of utility `offered` below the target at time t.
    public func acceptanceProbability(offered: Double, at t: Double) -> Double {
        let high = view.best
        let alpha = Self.exponent(mean: high > 0 ? history.mean / high : 0)
        let p = Double.pow(max(t, 0), alpha) / 5 + (offered - estimatedMaximum) + (offered - target(at: t))
        return min(1, max(0, p))
    }

    /// The agent's action on its turn: accept, counter-offer, or walk away when nothing on the table is rational.
    public mutating func respond(to state: TurnState, generator: inout SeededGenerator) -> Action {
        view.update(epoch: state.epoch)
        if view.hasNoRationalOutcome { return .end }
        let target = target(at: state.t)
        if state.hasOffer && view.isRational(state.offer) {
            let offered = view.utilities[state.offer]
            if offered >= target - utilityTolerance { return .accept }
            let p = acceptanceProbability(offered: offered, at: state.t)
            if p > 0 && Double.random(in: 0..<1, using: &generator) < p { return .accept }
        }
        if history.best >= 0 && view.domain.isAvailable(history.best, inRound: state.round)
            && view.isRational(history.best) && history.bestUtility >= target - utilityTolerance
        {
            return .offer(history.best)
        }
        return .offer(
            ChampionSupport.randomBid(ranking: view.ranking, target: target, window: Self.window, generator: &generator)
        )
    }

    /// Learns from another party's action (its offers feed the opponent statistics).
    public mutating func observe(_ action: Action, by party: Int, state: TurnState) {
        guard case .offer(let outcome) = action else { return }
        history.note(outcome, utility: view.utilities[outcome])
    }

    /// Accepts a mediator's draft worth at least the current threshold, else names the issue it most wants changed.
    public mutating func reply(toDraft draft: Int, state: TurnState, generator: inout SeededGenerator) -> DraftReply {
        view.update(epoch: state.epoch)
        return ChampionSupport.reply(toDraft: draft, threshold: target(at: state.t), view: view, round: state.round)
    }
}
