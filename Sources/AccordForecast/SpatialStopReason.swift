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
