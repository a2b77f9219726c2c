/// The Pareto frontier of two parties found from the rectangles of their utilities, without listing the outcomes.
///
/// ``Scenario/rectangleFrontier(options:)`` computes it for bilateral scenarios whose utilities are
/// ``HyperRectangleUtility`` (GENIUS's nonlinear profiles, 10¹⁰ to 10⁵⁰ outcomes in ANAC 2014) or additive, in any
/// mix. Every listed outcome is a real outcome of the space with both parties' exact utilities (computed by their
/// utility functions, not estimated); when ``isExhaustive`` is true, every outcome of the space is weakly dominated by
/// a listed one (at least as good for both parties, to floating-point rounding).
public struct RectangleFrontier: Sendable, Hashable {
    /// The frontier: outcomes not dominated by one another (tolerance ε = 1e-9, as everywhere in Accord), one per
    /// utility vector, best for the first party first. Ties in the first party's utility are ordered by the second's,
    /// then by outcome.
    public var outcomes: [ScoredOutcome]
    /// Whether the search was exhaustive, which guarantees that every outcome of the space is weakly dominated by
    /// one of ``outcomes``. It is false when a utility has parts the method cannot represent exactly (negative
    /// contributions, a `max` node with nothing in it, trees whose `min`/`max` expansion passes
    /// ``RectangleFrontierOptions/alternativeLimit``) or when the search passed
    /// ``RectangleFrontierOptions/subproblemLimit``; the outcomes are then the best of a greedy search over many
    /// weightings of the two parties, still exact in their utilities.
    public var isExhaustive: Bool
    /// The regions the search worked on: one per `INCLUDES` rectangle, per side of an `EXCLUDES` bound, per
    /// combination a `min`/`max` node needs, and per level of an additive utility's issues.
    public var regionCount: Int
    /// How many pairs of regions cannot hold together (disjoint on some issue, or alternatives of one term).
    public var conflictCount: Int
    /// How many sub-problems the exhaustive search solved (0 for the greedy search).
    public var subproblemCount: Int
    /// The wall-clock time the computation took (not part of the result's meaning: two runs differ in it).
    public var elapsed: Duration

    /// Creates a frontier from its outcomes and the counts of the search that found it.
    public init(
        outcomes: [ScoredOutcome], isExhaustive: Bool, regionCount: Int, conflictCount: Int, subproblemCount: Int,
        elapsed: Duration
    ) {
        self.outcomes = outcomes
        self.isExhaustive = isExhaustive
        self.regionCount = regionCount
        self.conflictCount = conflictCount
        self.subproblemCount = subproblemCount
        self.elapsed = elapsed
    }
}
