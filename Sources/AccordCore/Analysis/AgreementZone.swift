/// The agreement zone (ZOPA): outcomes every party accepts.
public struct AgreementZone: Sendable, Hashable {
    /// How many outcomes are in the zone.
    public var count: Int
    /// The best outcomes of the zone, at most ``AnalysisOptions/zoneListLimit`` (all of them when
    /// `count <= outcomes.count`), ordered by the listing key: the largest smallest margin min_i (u_i − d_i) first
    /// (rounded to 9 decimals, so that rounding noise does not decide), then the largest Nash product
    /// Π_i (u_i − d_i), then the lowest outcome index.
    public var outcomes: [ScoredOutcome]
    /// The outcome crossing no red line that maximises min_i (u_i − d_i); when the zone is empty this is the
    /// closest any package comes to acceptance, and its margin (negative) says by how much it falls short.
    public var closest: ScoredOutcome?
    /// min_i (u_i − d_i) at `closest`.
    public var closestMargin: Double?

    /// Whether the zone holds any outcome.
    public var isEmpty: Bool { count == 0 }
}
