/// What an analyst does not know exactly about one party: distributions over some of its weights, option values
/// and its reservation value. Everything not listed is taken as certain.
public struct PartyUncertainty: Sendable, Hashable {
    /// One uncertain value of the party's utility.
    public enum Value: Sendable, Hashable {
        /// The value of option `option` in the table of issue `issue`.
        case table(issue: Int, option: Int)
        /// In the attribute valuation of issue `issue`, the value of attribute value `value` of term `term`.
        case attribute(issue: Int, term: Int, value: String)
    }

    /// The weights as written (before normalisation), uncertain ones at their nominal value.
    public var writtenWeights: [Double]
    /// Distributions over written weights, by issue; sampled weights are renormalised to sum to 1.
    public var weights: [Int: Distribution]
    /// Distributions over values.
    public var values: [Value: Distribution]
    /// A distribution over the reservation value.
    public var reservation: Distribution?

    /// Creates a party's uncertainty from its written weights and the distributions over its uncertain numbers.
    public init(
        writtenWeights: [Double], weights: [Int: Distribution] = [:], values: [Value: Distribution] = [:],
        reservation: Distribution? = nil
    ) {
        self.writtenWeights = writtenWeights
        self.weights = weights
        self.values = values
        self.reservation = reservation
    }

    /// Whether nothing is uncertain.
    public var isEmpty: Bool { weights.isEmpty && values.isEmpty && reservation == nil }

    /// The uncertain values in a fixed order (so a seed always draws them in the same sequence).
    var orderedValues: [(Value, Distribution)] {
        values.sorted { lhs, rhs in
            switch (lhs.key, rhs.key) {
            case let (.table(i1, o1), .table(i2, o2)): return (i1, o1) < (i2, o2)
            case (.table, .attribute): return true
            case (.attribute, .table): return false
            case let (.attribute(i1, t1, v1), .attribute(i2, t2, v2)):
                return i1 != i2 ? i1 < i2 : t1 != t2 ? t1 < t2 : v1 < v2
            }
        }
    }
}

extension Party {
    /// One draw of the party: its utility and reservation with every uncertain number sampled.
    ///
    /// Draws happen in a fixed order: reservation, weights by issue, then values.
    func sampled(using generator: inout some RandomNumberGenerator) -> Party {
        guard let uncertainty, !uncertainty.isEmpty, var utility = utility as? LinearAdditiveUtility else {
            return self
        }
        var copy = self
        if let reservation = uncertainty.reservation { copy.reservation = reservation.sample(using: &generator) }
        if !uncertainty.weights.isEmpty {
            var weights = uncertainty.writtenWeights
            for issue in uncertainty.weights.keys.sorted() {
                weights[issue] = uncertainty.weights[issue]!.sample(using: &generator)
            }
            let total = weights.reduce(0, +)
            utility.weights = total > 0 ? weights.map { $0 / total } : weights
        }
        for (key, distribution) in uncertainty.orderedValues {
            let value = distribution.sample(using: &generator)
            switch key {
            case .table(let issue, let option):
                if case .table(var table) = utility.values[issue] {
                    table[option] = value
                    utility.values[issue] = .table(table)
                }
            case .attribute(let issue, let term, let attributeValue):
                if case .attributes(var valuation) = utility.values[issue] {
                    valuation.terms[term].values[attributeValue] = value
                    utility.values[issue] = .attributes(valuation)
                }
            }
        }
        copy.utility = utility
        return copy
    }
}
