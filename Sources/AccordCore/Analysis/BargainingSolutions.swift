/// The bargaining solutions of a scenario, each chosen inside the agreement zone (`nil` when it is empty),
/// except the GENIUS-style Kalai–Smorodinsky point, which follows GENIUS over the whole frontier.
public struct BargainingSolutions: Sendable, Hashable {
    /// argmax over the zone of Π (u_i − d_i).
    public var nash: ScoredOutcome?
    /// argmax over the zone of min_i (u_i − d_i)/(I_i − d_i), I_i the best utility of party i inside the zone.
    public var kalaiSmorodinsky: ScoredOutcome?
    /// GENIUS's variant: argmin over the frontier of Σ_{i<j} |u_i − u_j|, whatever the reservation values.
    public var geniusKalaiSmorodinsky: ScoredOutcome?
    /// argmax over the zone of Σ u_i.
    public var utilitarian: ScoredOutcome?
    /// argmax over the zone of min_i (u_i − d_i).
    public var egalitarian: ScoredOutcome?
}
