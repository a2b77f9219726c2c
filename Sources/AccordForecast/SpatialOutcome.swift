/// The single forecast drawn from a run's final state: its distinct positions with their winning probabilities,
/// their probability-weighted mean, and the clusters they form.
///
/// - **Distinct positions** are KTAB's: two actors share a position when their final positions lie less than 0.1
///   apart (Euclidean distance on 0–100, KTAB's tolerance of 10⁻³ on its 0–1 scale); each distinct position is
///   represented by the first actor holding it, and its probability is the probability that it prevails in the final
///   state's election (KTAB's `pDist`), so the probabilities of the distinct positions sum to 1.
/// - **Expected position**: Σ_m p_m x_m over the distinct positions.
/// - **Clusters**: the connected components of the graph whose nodes are the distinct positions and whose edges join
///   two positions at most ``clusterDistance`` apart (Euclidean distance on 0–100; single linkage, so the result does
///   not depend on the actors' order). A cluster's probability is the sum of its positions' probabilities, its centre
///   the probability-weighted mean of its positions (their plain mean when that sum is 0). The **most likely
///   cluster** is the one of highest probability; ties go to the cluster holding the lowest actor index.
public struct SpatialOutcome: Sendable, Hashable {
    /// One distinct final position.
    public struct Position: Sendable, Hashable {
        /// The actors holding it (indices into the scenario's actors, ascending).
        public let actors: [Int]
        /// The position, per dimension, on 0–100 (that of the first actor holding it).
        public let position: [Double]
        /// The probability that it prevails.
        public let probability: Double
    }

    /// Distinct positions at most ``SpatialOutcome/clusterDistance`` apart, chained.
    public struct Cluster: Sendable, Hashable {
        /// The actors in the cluster, ascending.
        public let actors: [Int]
        /// Its distinct positions, as indices into ``SpatialOutcome/distinctPositions``.
        public let positions: [Int]
        /// The probability-weighted mean of its positions, per dimension, on 0–100.
        public let centre: [Double]
        /// The sum of its positions' probabilities.
        public let probability: Double
    }

    /// The final state's distinct positions, in the order of the first actor holding each.
    public let distinctPositions: [Position]
    /// The probability-weighted mean of the distinct positions, per dimension, on 0–100.
    public let expectedPosition: [Double]
    /// The greatest distance (on 0–100) that links two distinct positions into one cluster.
    public let clusterDistance: Double
    /// The clusters, in the order of the lowest actor index in each.
    public let clusters: [Cluster]
    /// The index in ``clusters`` of the most likely cluster.
    public let mostLikelyClusterIndex: Int

    /// The most likely cluster.
    public var mostLikelyCluster: Cluster { clusters[mostLikelyClusterIndex] }

    /// The default ``clusterDistance``: 5 points on the 0–100 scale.
    public static let defaultClusterDistance = 5.0
}
