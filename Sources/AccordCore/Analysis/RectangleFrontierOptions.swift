/// Limits of ``Scenario/rectangleFrontier(options:)``.
public struct RectangleFrontierOptions: Sendable, Hashable {
    /// The most sub-problems the exhaustive search may solve before it gives way to the greedy search (each one
    /// remembered costs a few hundred bytes).
    public var subproblemLimit: Int
    /// The most alternatives one `min` or `max` node may expand into (a product over its children) before the
    /// utility counts as not exactly representable.
    public var alternativeLimit: Int
    /// The most regions both parties may have in all; above it the scenario is refused.
    public var regionLimit: Int
    /// How many weightings λ·u₁ + (1 − λ)·u₂ the greedy search tries, evenly spaced from λ = 0 to λ = 1.
    public var weightings: Int

    /// Creates limits: 1,000,000 sub-problems, 4,096 alternatives, 4,096 regions and 201 weightings, unless given.
    public init(
        subproblemLimit: Int = 1_000_000, alternativeLimit: Int = 4096, regionLimit: Int = 4096, weightings: Int = 201
    ) {
        self.subproblemLimit = subproblemLimit
        self.alternativeLimit = alternativeLimit
        self.regionLimit = regionLimit
        self.weightings = weightings
    }
}
