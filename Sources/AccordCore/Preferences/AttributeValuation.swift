/// An attribute-based valuation of options: `v(option) = Σ_a w_a · value_a(option.attributes[a])`.
///
/// Weights are normalised to sum to 1. An option that lacks an attribute, or carries a value the valuation
/// does not list, scores 0 on that attribute.
public struct AttributeValuation: Sendable, Hashable, Codable {
    /// One valued attribute.
    public struct Term: Sendable, Hashable, Codable {
        /// The name of the option attribute this term reads (`legal_form`).
        public var attribute: String
        /// The term's share of the option's value, in [0, 1]; the weights of all terms sum to 1.
        public var weight: Double
        /// The value of each attribute value, in [0, 1], keyed by the attribute value as written (`ratified_treaty`);
        /// an attribute value not listed scores 0.
        public var values: [String: Double]
        /// Creates a term from its attribute name, its (already normalised) weight and its values.
        public init(attribute: String, weight: Double, values: [String: Double]) {
            self.attribute = attribute
            self.weight = weight
            self.values = values
        }
    }

    /// The valued attributes with their (normalised) weights.
    public var terms: [Term]

    /// Creates a valuation from terms whose weights already sum to 1 (the scenario reader normalises them).
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
