/// One state of the spatial model: every actor's position, on KTAB's internal 0–1 scale, dimension-major per actor.
///
/// With KTAB's default identity accommodation matrix an actor's ideal point is always its current position, so the
/// state holds positions only.
package struct SpatialState: Sendable, Hashable {
    /// positions[i] is actor i's point, one coordinate per dimension, on 0–1.
    package var positions: [[Double]]

    /// Whether two actors' positions coincide: their Euclidean distance is below 10⁻³ on the 0–1 scale
    /// (KTAB `SMPState::equivNdx`, `posTol`).
    package func isEquivalent(_ i: Int, _ j: Int) -> Bool {
        euclideanDistance(positions[i], positions[j]) < 1e-3
    }

    /// The indices of the distinct positions, each the first actor holding it (KTAB `ueIndices`).
    package func uniquePositionIndices() -> [Int] {
        var unique: [Int] = []
        for i in positions.indices where !unique.contains(where: { isEquivalent(i, $0) }) {
            unique.append(i)
        }
        return unique
    }

    /// The sum over actors of the distance each moved between two states (KTAB `SMPModel::stateDist`).
    package static func distance(_ s1: SpatialState, _ s2: SpatialState) -> Double {
        var sum = 0.0
        for (p1, p2) in zip(s1.positions, s2.positions) { sum += euclideanDistance(p1, p2) }
        return sum
    }
}

/// The Euclidean norm of `a − b` (KTAB `norm` of a difference of vectors).
package func euclideanDistance(_ a: [Double], _ b: [Double]) -> Double {
    var s = 0.0
    for (x, y) in zip(a, b) {
        let d = x - y
        s += d * d
    }
    return s.squareRoot()
}

/// The salience-weighted distance from `ideal` to `position`, between 0 and 1 on the 0–1 scale
/// (KTAB `SMPModel::bvDiff`): √(Σ (s_k d_k)² / Σ s_k²).
package func weightedDistance(from ideal: [Double], to position: [Double], saliences: [Double]) -> Double {
    var dsSquares = 0.0
    var sSquares = 0.0
    for k in ideal.indices {
        let ds = (ideal[k] - position[k]) * saliences[k]
        dsSquares += ds * ds
        sSquares += saliences[k] * saliences[k]
    }
    return (dsSquares / sSquares).squareRoot()
}

/// The utility of a position at weighted distance `d` for an actor of risk attitude `r` (KTAB `SMPModel::bsUtil`):
/// (1 − d)(1 + d·r); r = 0 is risk neutral, r > 0 risk averse, r < 0 risk seeking.
package func spatialUtility(distance d: Double, riskAttitude r: Double) -> Double {
    d <= 1 ? (1 - d) * (1 + d * r) : (1 - d) * (1 + r)
}
