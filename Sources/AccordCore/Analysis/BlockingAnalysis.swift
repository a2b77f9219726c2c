/// What one party's absence does to the agreement zone.
public struct BlockingAnalysis: Sendable, Hashable {
    /// The party left out.
    public var party: Int
    /// How many outcomes every other party accepts.
    public var zoneCountWithout: Int
    /// The Nash point of the other parties (their product of gains), if they have a zone.
    public var packageWithout: ScoredOutcome?
    /// Whether the party blocks: the full zone is empty, the zone without it is not.
    public var blocks: Bool
    /// The left-out party's reservation minus its utility at `packageWithout` (positive: it falls short).
    public var shortfall: Double?
    /// The left-out party's red line that `packageWithout` crosses, if any.
    public var crossedRedLine: RedLine?
}
