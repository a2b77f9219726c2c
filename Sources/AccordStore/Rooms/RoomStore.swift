import AccordKit
import Foundation

/// Where the server keeps its confidential rooms: the rooms' public documents, the hashes of their credentials,
/// their sealed secrets and their append-only audit logs. ``SQLiteStore`` and ``PostgresStore`` implement it and
/// pass the same tests.
///
/// The store never sees a credential or a preference in the clear: it keeps SHA-256 hashes of the tokens and the
/// bytes the server sealed (AES-GCM under a key kept outside the database). Times are kept to the millisecond.
public protocol RoomStore: Sendable {
    /// Stores a new room with its first credentials. Throws ``StoreError/conflict(_:)`` when the id is taken.
    func insertRoom(_ room: StoredRoom, credentials: [StoredRoomCredential]) async throws

    /// A room, or `nil`.
    func room(id: String) async throws -> StoredRoom?

    /// The ids of every room, oldest first.
    func roomIDs() async throws -> [String]

    /// Replaces a room's document; `room.revision` must be one more than the stored revision, or the update
    /// throws ``StoreError/conflict(_:)`` (another writer came first).
    func updateRoom(_ room: StoredRoom) async throws

    /// The credential with this hash (revoked ones too), or `nil`.
    func roomCredential(hash: String) async throws -> StoredRoomCredential?

    /// Stores a credential for its room and role, revoking every earlier one of that room and role.
    func replaceRoomCredential(_ credential: StoredRoomCredential) async throws

    /// Revokes every credential of a room and role; returns how many were active.
    func revokeRoomCredentials(room: String, role: String, at date: Date) async throws -> Int

    /// Stores (or replaces) a party's sealed secret of a kind.
    func saveRoomSecret(_ secret: StoredRoomSecret) async throws

    /// A room's sealed secrets of a kind, by party id order.
    func roomSecrets(room: String, kind: String) async throws -> [StoredRoomSecret]

    /// Appends an entry to a room's audit log and returns it with its sequence number (1, 2, …).
    func appendRoomAudit(room: String, _ entry: RoomAuditEntry) async throws -> RoomAuditEntry

    /// A room's audit entries after a sequence number, in order.
    func roomAudit(room: String, after sequence: Int) async throws -> [RoomAuditEntry]
}
