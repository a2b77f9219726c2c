/// The workhorse utility: `u(x) = Σ_i w_i · v_i(x_i)`, with weights summing to 1 and values in [0, 1].
public struct LinearAdditiveUtility: UtilityFunction, Hashable, Codable {
    /// One weight per issue, in issue order, summing to 1.
    public var weights: [Double]
    /// One value function per issue, in issue order.
    public var values: [ValueFunction]

    /// Creates a utility from one weight and one value function per issue, in issue order; the weights are used
    /// as given, so they should already sum to 1.
    public init(weights: [Double], values: [ValueFunction]) {
        self.weights = weights
        self.values = values
    }

    /// The value (before weighting) of a level of an issue.
    public func value(ofLevel level: Int, onIssue issue: Int, in space: OutcomeSpace) -> Double {
        values[issue].value(atLevel: level, of: space.issues[issue])
    }

    /// The weighted sum `Σ_i w_i · v_i(x_i)` of the outcome's values, in [0, 1] when the weights sum to 1.
    public func utility(of outcome: Outcome, in space: OutcomeSpace) -> Double {
        var total = 0.0
        for (issue, level) in outcome.levels.enumerated() {
            total += weights[issue] * value(ofLevel: level, onIssue: issue, in: space)
        }
        return total
    }

    /// Each issue's weighted values `w_i · v_i(level)`, one row per issue and one entry per level; never `nil`.
    public func contributionTable(in space: OutcomeSpace) -> [[Double]]? {
        space.issues.indices.map { issue in
            (0..<space.radices[issue]).map { weights[issue] * value(ofLevel: $0, onIssue: issue, in: space) }
        }
    }
}
