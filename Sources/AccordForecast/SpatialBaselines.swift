/// The naive forecasts that forecasting papers report beside a spatial model's: on each dimension, the mean and the
/// median of the actors' initial positions, each actor weighted by capability × salience.
///
/// On dimension k actor i weighs w_ik = c_i · s_ik (capability times salience on 0–100); actors with zero weight
/// are left out.
///
/// - **Weighted mean**: Σ_i w_ik x_ik / Σ_i w_ik.
/// - **Weighted median**: the point m that minimises Σ_i w_ik |x_ik − m|, the position of the weighted median voter.
///   Sort the distinct positions x₁ < x₂ < … (actors at the same position add their weights), let W be the total
///   weight and C_j the weight at or below x_j. The median is the first x_j with C_j > W/2. When some C_j equals
///   W/2 exactly (within 10⁻¹² · W) every point of [x_j, x_{j+1}] minimises the sum, and the median is the midpoint
///   (x_j + x_{j+1}) / 2, as for the ordinary median of an even count.
///
/// A dimension on which every actor has zero salience has no baseline (nil).
public struct SpatialBaselines: Sendable, Hashable {
    /// The capability × salience weighted mean of the initial positions, per dimension, on 0–100.
    public let weightedMeans: [Double?]
    /// The capability × salience weighted median of the initial positions, per dimension, on 0–100.
    public let weightedMedians: [Double?]

    /// The baselines of `scenario`'s initial positions.
    ///
    /// - Complexity: O(d · n log n) for n actors and d dimensions.
    public init(scenario: SpatialScenario) {
        var means: [Double?] = []
        var medians: [Double?] = []
        for k in scenario.dimensions.indices {
            let positions = scenario.actors.map { $0.positions[k] }
            let weights = scenario.actors.map { $0.capability * $0.saliences[k] }
            means.append(Self.weightedMean(positions, weights: weights))
            medians.append(Self.weightedMedian(positions, weights: weights))
        }
        weightedMeans = means
        weightedMedians = medians
    }

    /// Σ wᵢxᵢ / Σ wᵢ, or nil when no weight is positive. Non-positive weights are left out.
    public static func weightedMean(_ values: [Double], weights: [Double]) -> Double? {
        var total = 0.0
        var weighted = 0.0
        for (x, w) in zip(values, weights) where w > 0 {
            total += w
            weighted += w * x
        }
        return total > 0 ? weighted / total : nil
    }

    /// The weighted median as defined on ``SpatialBaselines`` (the midpoint rule when exactly half the weight lies at
    /// or below a position), or nil when no weight is positive. Non-positive weights are left out.
    ///
    /// - Complexity: O(n log n).
    public static func weightedMedian(_ values: [Double], weights: [Double]) -> Double? {
        let points = zip(values, weights).filter { $0.1 > 0 }.sorted { $0.0 < $1.0 }
        let total = points.reduce(0) { $0 + $1.1 }
        guard total > 0 else { return nil }
        let half = total / 2
        let tolerance = 1e-12 * total
        var cumulative = 0.0
        var index = 0
        while index < points.count {
            let x = points[index].0
            while index < points.count && points[index].0 == x {
                cumulative += points[index].1
                index += 1
            }
            if abs(cumulative - half) <= tolerance {
                return index < points.count ? (x + points[index].0) / 2 : x
            }
            if cumulative > half { return x }
        }
        return points[points.count - 1].0
    }
}

extension SpatialForecast {
    /// The weighted mean and median of the initial positions, the baselines reported beside the forecast.
    public var baselines: SpatialBaselines { SpatialBaselines(scenario: scenario) }
}
