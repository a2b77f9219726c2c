/// Who is acting in a room: the mediator, one party, or an observer.
public enum RoomRole: Sendable, Hashable, CustomStringConvertible {
    /// The mediator, who created the room.
    case mediator
    /// A party, by its id in the room's scenario.
    case party(String)
    /// An observer, who sees what every participant sees and nothing private.
    case observer

    /// The party's id, for a party.
    public var partyID: String? {
        if case .party(let id) = self { return id }
        return nil
    }

    /// `mediator`, `observer` or `party`.
    public var kind: String {
        switch self {
        case .mediator: "mediator"
        case .party: "party"
        case .observer: "observer"
        }
    }

    /// `mediator`, `observer` or `party:<id>`: how the store and the audit log name the role.
    public var description: String {
        switch self {
        case .mediator: "mediator"
        case .party(let id): "party:\(id)"
        case .observer: "observer"
        }
    }

    /// The role a ``description`` names, or `nil`.
    public init?(_ text: String) {
        switch text {
        case "mediator": self = .mediator
        case "observer": self = .observer
        default:
            guard text.hasPrefix("party:"), text.count > 6 else { return nil }
            self = .party(String(text.dropFirst(6)))
        }
    }
}
