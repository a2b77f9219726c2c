/// What a group of parties could agree on without the others.
public struct CoalitionAnalysis: Sendable, Hashable {
    /// The members, in party order.
    public var parties: [Int]
    /// How many outcomes every member accepts (utility ≥ reservation − ε, none of its red lines crossed).
    public var zoneCount: Int
    /// The coalition's Nash package: argmax over its zone of Π_{i in S} (u_i − d_i), lowest index on ties.
    public var best: ScoredOutcome?
}
