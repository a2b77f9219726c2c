/// GENIUS's two descriptive measures of a domain's difficulty.
public struct ParityMetrics: Sendable, Hashable {
    /// The smallest Euclidean distance in utility space from any outcome to the ideal point (1, …, 1).
    public var opposition: Double
    /// The mean over all outcomes of the Euclidean distance to the nearest Pareto-frontier point.
    public var distribution: Double
}
