import AccordCore
import RealModule

/// GENIUS's time-dependent concession: target(t) = Pmin + (Pmax − Pmin)·(1 − t^(1/e)), with Pmax the best
/// utility on the table and Pmin the larger of the worst utility on the table and the reservation value.
///
/// e < 1 concedes late (Boulware, e = 0.2), e = 1 linearly, e > 1 early (Conceder, e = 2); e = 0 never
/// concedes (Hard-liner: target = Pmax). The bid is the outcome whose utility is the lowest at or above the
/// target — never below it. With an active opponent model the agent looks at the outcomes within
/// ``window`` above that one and offers the one the model rates best for the opponents.
public struct TimeDependentBidding: BiddingStrategy {
    /// The concession exponent e ≥ 0.
    public var exponent: Double
    /// How far above the target an opponent-aware bid may lie.
    public var window: Double
    /// The most candidates an opponent-aware bid weighs.
    public static let candidateLimit = 64

    public init(exponent: Double, window: Double = 0.02) {
        self.exponent = exponent
        self.window = window
    }

    @inline(__always)
    public func target(at t: Double, view: AgentView) -> Double {
        let high = view.best
        let low = min(view.floor, high)
        guard exponent > 0 else { return high }
        let concession: Double
        if exponent == 1 {
            concession = t
        } else {
            concession = t <= 0 ? 0 : Double.pow(t, 1 / exponent)
        }
        return low + (high - low) * (1 - concession)
    }

    @inline(__always)
    public mutating func nextBid<Model: OpponentModel>(
        state: TurnState, view: AgentView, model: Model, generator: inout SeededGenerator
    ) -> Int {
        let ranking = view.ranking
        let position = ranking.position(atLeast: target(at: state.t, view: view))
        guard model.isActive else { return Int(ranking.outcomes[position]) }
        return Self.opponentAwareBid(from: position, ranking: ranking, window: window, model: model)
    }

    /// Among the outcomes from `position` up to `window` better for the agent (at most ``candidateLimit``),
    /// the one the model rates best for the opponents; ties go to the one nearer the target.
    static func opponentAwareBid<Model: OpponentModel>(
        from position: Int, ranking: Ranking, window: Double, model: Model
    ) -> Int {
        let ceiling = ranking.utilities[position] + window
        var best = Int(ranking.outcomes[position])
        var bestValue = model.opponentsUtility(of: best)
        var candidate = position - 1
        while candidate >= 0 && position - candidate < candidateLimit && ranking.utilities[candidate] <= ceiling {
            let outcome = Int(ranking.outcomes[candidate])
            let value = model.opponentsUtility(of: outcome)
            if value > bestValue {
                bestValue = value
                best = outcome
            }
            candidate -= 1
        }
        return best
    }
}
