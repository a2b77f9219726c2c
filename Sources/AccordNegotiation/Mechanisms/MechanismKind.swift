import AccordCore

/// The negotiation protocols Accord runs (named mechanisms, to avoid confusion with Swift protocols).
public enum MechanismKind: String, CaseIterable, Sendable, Codable {
    /// Bilateral alternating offers (Rubinstein's protocol, as in GENIUS): exactly two parties.
    case alternating
    /// Stacked alternating offers (SAOP, ANAC 2015+): any number of parties in a fixed turn order.
    case saop
    /// A mediated single negotiating text: the mediator drafts, the parties accept or object, the mediator
    /// revises.
    case mediated

    /// Reads a mechanism name (case-insensitive).
    public init(name: String) throws(NegotiationError) {
        guard let kind = MechanismKind(rawValue: name.lowercased()) else { throw .unknownMechanism(name) }
        self = kind
    }
}
