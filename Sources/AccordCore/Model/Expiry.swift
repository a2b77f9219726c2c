/// The moment an option stops being available: after a negotiation round, or after a calendar date.
public enum Expiry: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Available up to and including this round (rounds count from 1).
    case round(Int)
    /// Available up to and including this ISO 8601 date (`YYYY-MM-DD`).
    case date(String)

    public var description: String {
        switch self {
        case .round(let round): "round \(round)"
        case .date(let date): date
        }
    }

    /// Whether the option is still available in the given round.
    public func isAvailable(inRound round: Int) -> Bool {
        if case .round(let last) = self { return round <= last }
        return true
    }

    /// Whether the option is still available on the given ISO 8601 date (`YYYY-MM-DD`).
    public func isAvailable(onDate date: String) -> Bool {
        if case .date(let last) = self { return date <= last }
        return true
    }
}
