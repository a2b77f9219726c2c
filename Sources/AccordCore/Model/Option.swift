/// One choice on a discrete issue, such as `article5_like` on the security-guarantee issue.
///
/// An option may carry attributes (`legal_form: ratified_treaty`) that attribute-based value functions read,
/// and an expiry after which it is no longer on the table.
public struct Option: Sendable, Hashable, Codable {
    /// The identifier used in scenario files and outcomes.
    public var id: String
    /// A human-readable name; defaults to the identifier.
    public var name: String
    /// Free text describing the option.
    public var description: String?
    /// Attribute values keyed by attribute name, in the order the scenario gives them.
    public var attributes: [Attribute]
    /// When the option leaves the table, if ever.
    public var availableUntil: Expiry?

    /// One named attribute of an option.
    public struct Attribute: Sendable, Hashable, Codable {
        /// The attribute's name, as the scenario writes it (`legal_form`).
        public var name: String
        /// The attribute's value, as the scenario writes it (`ratified_treaty`).
        public var value: String
        /// Creates an attribute from its name and value.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Creates an option; its name defaults to its identifier, and it has no attributes and no expiry unless given.
    public init(
        id: String, name: String? = nil, description: String? = nil, attributes: [Attribute] = [],
        availableUntil: Expiry? = nil
    ) {
        self.id = id
        self.name = name ?? id
        self.description = description
        self.attributes = attributes
        self.availableUntil = availableUntil
    }

    /// The value of the named attribute, or `nil` when the option does not carry it.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }
}
