import Foundation

/// A room credential as a ``RoomStore`` keeps it: the SHA-256 hash of the token (hex), never the token.
public struct StoredRoomCredential: Sendable, Equatable {
    /// The SHA-256 hash of the token, in lower-case hex.
    public var hash: String
    /// The room it opens.
    public var room: String
    /// The role it carries: `mediator`, `observer` or `party:<id>`.
    public var role: String
    /// When it was issued.
    public var createdAt: Date
    /// When it was revoked, if it was.
    public var revokedAt: Date?

    /// Creates a credential record.
    public init(hash: String, room: String, role: String, createdAt: Date, revokedAt: Date? = nil) {
        self.hash = hash
        self.room = room
        self.role = role
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}
