/// The agreement zone (ZOPA): outcomes every party accepts.
public struct AgreementZone: Sendable, Hashable {
    /// How many outcomes are in the zone.
    public var count: Int
    /// The first outcomes of the zone in outcome-index order (all of them when `count <= outcomes.count`).
    public var outcomes: [ScoredOutcome]
    /// The outcome crossing no red line that maximises min_i (u_i − d_i); when the zone is empty this is the
    /// closest any package comes to acceptance, and its margin (negative) says by how much it falls short.
    public var closest: ScoredOutcome?
    /// min_i (u_i − d_i) at `closest`.
    public var closestMargin: Double?

    /// Whether the zone holds any outcome.
    public var isEmpty: Bool { count == 0 }
}
