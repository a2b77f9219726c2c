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

/// Why a run of the ``SpatialModel`` stopped.
public enum SpatialStopReason: String, Sendable, Hashable {
    /// The last turn moved the state by less than ``SpatialModelParameters/stoppingRatio`` of the first turn's move.
    case converged
    /// The run reached ``SpatialModelParameters/maximumTurns`` without converging.
    case maximumTurns
}

extension SpatialForecast {
    /// Why the run stopped; a run that converges on its last allowed turn counts as converged.
    public var stopReason: SpatialStopReason {
        let last = fractionalChanges.last ?? .infinity
        return turnCount >= parameters.minimumTurns && last < parameters.stoppingRatio ? .converged : .maximumTurns
    }

    /// The single forecast of the final state (see ``SpatialOutcome``).
    ///
    /// - Parameter clusterDistance: the greatest distance on 0–100 that links two distinct positions into a cluster.
    /// - Complexity: O(n³) for n actors (one election among the final positions).
    public func outcome(clusterDistance: Double = SpatialOutcome.defaultClusterDistance) -> SpatialOutcome {
        let core = SpatialModel.Core(scenario: scenario, parameters: parameters)
        let state = SpatialState(positions: finalPositions.map { $0.map { $0 / 100 } })
        let (unique, probabilities) = core.distinctPositionProbabilities(
            of: state, assessment: Assessment(state: state, model: core))
        // Each actor joins the last distinct position equivalent to its own, as in `winningProbabilities`.
        var members = Array(repeating: [Int](), count: unique.count)
        for i in scenario.actors.indices {
            let m = unique.indices.last { state.isEquivalent(i, unique[$0]) } ?? 0
            members[m].append(i)
        }
        let distinct = unique.indices.map { m in
            SpatialOutcome.Position(
                actors: members[m], position: finalPositions[unique[m]], probability: probabilities[m])
        }
        let dimensions = scenario.dimensions.count
        func mean(of positions: [Int]) -> [Double] {
            let mass = positions.reduce(0) { $0 + distinct[$1].probability }
            return (0..<dimensions).map { k in
                guard mass > 0 else {
                    return positions.reduce(0) { $0 + distinct[$1].position[k] } / Double(positions.count)
                }
                return positions.reduce(0) { $0 + distinct[$1].probability * distinct[$1].position[k] } / mass
            }
        }

        // Single-linkage components, found by a flood fill in the order of the distinct positions.
        var component = Array(repeating: -1, count: distinct.count)
        var groups: [[Int]] = []
        for start in distinct.indices where component[start] < 0 {
            var group = [start]
            component[start] = groups.count
            var cursor = 0
            while cursor < group.count {
                let a = group[cursor]
                cursor += 1
                for b in distinct.indices where component[b] < 0 {
                    if euclideanDistance(distinct[a].position, distinct[b].position) <= clusterDistance {
                        component[b] = groups.count
                        group.append(b)
                    }
                }
            }
            groups.append(group.sorted())
        }
        let clusters = groups.map { group in
            SpatialOutcome.Cluster(
                actors: group.flatMap { distinct[$0].actors }.sorted(), positions: group, centre: mean(of: group),
                probability: group.reduce(0) { $0 + distinct[$1].probability })
        }
        // Distinct positions are ordered by their first actor, so clusters are too; the first maximum wins ties.
        var best = 0
        for c in clusters.indices where clusters[c].probability > clusters[best].probability { best = c }
        return SpatialOutcome(
            distinctPositions: distinct, expectedPosition: mean(of: Array(distinct.indices)),
            clusterDistance: clusterDistance, clusters: clusters, mostLikelyClusterIndex: best)
    }
}
