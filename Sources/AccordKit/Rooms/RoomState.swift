/// Where a room's talks stand: open (parties enter preferences) → locked (proposals, responses and secret
/// acceptances) → agreed (every party accepted one package) → improved (every party also accepted the engine's
/// post-settlement improvement).
public enum RoomState: String, Sendable, Hashable, CaseIterable {
    /// Parties enter and revise their preferences; nothing is computed.
    case open
    /// Preferences are fixed; the talks run.
    case locked
    /// An agreement was reached.
    case agreed
    /// The agreement was replaced by a package every party prefers.
    case improved
}
