import Foundation

/// A party's secret in a room as a ``RoomStore`` keeps it: bytes sealed by the server (its preferences, or the
/// packages it secretly accepts), which the store cannot read.
public struct StoredRoomSecret: Sendable, Equatable {
    /// The kind of the preferences.
    public static let preferences = "preferences"
    /// The kind of the secret acceptances.
    public static let secretAcceptances = "secret-acceptances"

    /// The room.
    public var room: String
    /// ``preferences`` or ``secretAcceptances``.
    public var kind: String
    /// The party's id.
    public var party: String
    /// The sealed bytes (AES-GCM: nonce, ciphertext, tag).
    public var sealed: Data
    /// When it was stored.
    public var updatedAt: Date

    /// Creates a sealed secret.
    public init(room: String, kind: String, party: String, sealed: Data, updatedAt: Date) {
        self.room = room
        self.kind = kind
        self.party = party
        self.sealed = sealed
        self.updatedAt = updatedAt
    }
}
