/// An attribute-based valuation of options: `v(option) = Σ_a w_a · value_a(option.attributes[a])`.
///
/// Weights are normalised to sum to 1. An option that lacks an attribute, or carries a value the valuation
/// does not list, scores 0 on that attribute.
public struct AttributeValuation: Sendable, Hashable, Codable {
    /// One valued attribute.
    public struct Term: Sendable, Hashable, Codable {
        public var attribute: String
        public var weight: Double
        public var values: [String: Double]
        public init(attribute: String, weight: Double, values: [String: Double]) {
            self.attribute = attribute
            self.weight = weight
            self.values = values
        }
    }

    /// The valued attributes with their (normalised) weights.
    public var terms: [Term]

    public init(terms: [Term]) {
        self.terms = terms
    }

    /// The value of an option, in [0, 1].
    public func value(of option: Option) -> Double {
        var total = 0.0
        for term in terms {
            if let attribute = option.attribute(term.attribute), let value = term.values[attribute] {
                total += term.weight * value
            }
        }
        return clamp01(total)
    }
}
