import Foundation

/// A room as a ``RoomStore`` keeps it: its public document (JSON text, no secret) and its revision.
public struct StoredRoom: Sendable, Equatable {
    /// The room's id.
    public var id: String
    /// The room's public document (``AccordKit/Room/document``), as JSON text.
    public var document: String
    /// The revision: 1 when created, one more at each update.
    public var revision: Int
    /// When the room was created.
    public var createdAt: Date
    /// When it was last updated.
    public var updatedAt: Date

    /// Creates a stored room.
    public init(id: String, document: String, revision: Int = 1, createdAt: Date, updatedAt: Date? = nil) {
        self.id = id
        self.document = document
        self.revision = revision
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}
