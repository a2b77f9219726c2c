import AccordCore

extension Scenario {
    /// The parties with uncertain numbers, each with what is uncertain (`weights`, `values`, `reservation`).
    public var uncertainNumbers: [(party: Party, kinds: [String])] {
        parties.compactMap { party in
            guard let uncertainty = party.uncertainty, !uncertainty.isEmpty else { return nil }
            let kinds = [
                uncertainty.weights.isEmpty ? nil : "weights", uncertainty.values.isEmpty ? nil : "values",
                uncertainty.reservation == nil ? nil : "reservation",
            ]
            return (party, kinds.compactMap { $0 })
        }
    }

    /// The sentence that says a result used the nominal values of the scenario's uncertain numbers, such as
    /// "Ukraine's reservation is uncertain; this evaluation uses its nominal value (a uniform's midpoint, a
    /// triangular's mode, a normal's mean)."
    /// followed by `consequence`; `nil` when no number is uncertain.
    ///
    /// - Parameters:
    ///   - use: what used the values, such as "this evaluation".
    ///   - consequence: a sentence to add, such as how to draw the numbers instead; empty for none.
    public func nominalValuesNote(use: String, consequence: String = "") -> String? {
        let uncertain = uncertainNumbers
        guard !uncertain.isEmpty else { return nil }
        let parts = uncertain.map { "\($0.party.name)'s " + Self.listed($0.kinds) }
        let plural = uncertain.count > 1 || uncertain[0].kinds.count > 1 || uncertain[0].kinds[0] != "reservation"
        let sentence =
            Self.listed(parts) + (plural ? " are" : " is") + " uncertain; " + use + " uses "
            + (plural ? "their nominal values" : "its nominal value")
            + " (a uniform's midpoint, a triangular's mode, a normal's mean)."
        return consequence.isEmpty ? sentence : sentence + " " + consequence
    }

    /// Words joined as English: `a`, `a and b`, `a, b and c`.
    private static func listed(_ words: [String]) -> String {
        words.count <= 1 ? words.joined() : words.dropLast().joined(separator: ", ") + " and " + words.last!
    }
}
