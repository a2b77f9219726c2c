import AccordKit
import Foundation
import GRDB

extension SQLiteStore: RoomStore {
    /// Stores a new room with its first credentials (see ``RoomStore``).
    public func insertRoom(_ room: StoredRoom, credentials: [StoredRoomCredential]) async throws {
        try await write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM room WHERE id = ?", arguments: [room.id]) == true {
                throw StoreError.conflict("room '\(room.id)'")
            }
            try db.execute(
                sql: "INSERT INTO room (id, document, revision, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [
                    room.id, room.document, room.revision, StoreDate.milliseconds(room.createdAt),
                    StoreDate.milliseconds(room.updatedAt),
                ])
            for credential in credentials { try Self.insert(credential, db) }
        }
    }

    /// A room, or `nil`.
    public func room(id: String) async throws -> StoredRoom? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM room WHERE id = ?", arguments: [id]).map { row in
                StoredRoom(
                    id: row["id"], document: row["document"], revision: row["revision"],
                    createdAt: StoreDate.date(milliseconds: row["created_at"]),
                    updatedAt: StoreDate.date(milliseconds: row["updated_at"]))
            }
        }
    }

    /// The ids of every room, oldest first.
    public func roomIDs() async throws -> [String] {
        try await read { db in try String.fetchAll(db, sql: "SELECT id FROM room ORDER BY created_at, id") }
    }

    /// Replaces a room's document at its next revision (a conflict otherwise).
    public func updateRoom(_ room: StoredRoom) async throws {
        try await write { db in
            try db.execute(
                sql: "UPDATE room SET document = ?, revision = ?, updated_at = ? WHERE id = ? AND revision = ?",
                arguments: [
                    room.document, room.revision, StoreDate.milliseconds(room.updatedAt), room.id, room.revision - 1,
                ])
            if db.changesCount == 0 { throw StoreError.conflict("revision \(room.revision) of room '\(room.id)'") }
        }
    }

    /// The credential with this hash, or `nil`.
    public func roomCredential(hash: String) async throws -> StoredRoomCredential? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM room_credential WHERE hash = ?", arguments: [hash]).map { row in
                let revoked: Int64? = row["revoked_at"]
                return StoredRoomCredential(
                    hash: row["hash"], room: row["room_id"], role: row["role"],
                    createdAt: StoreDate.date(milliseconds: row["created_at"]),
                    revokedAt: revoked.map(StoreDate.date(milliseconds:)))
            }
        }
    }

    /// Stores a credential, revoking the earlier ones of its room and role.
    public func replaceRoomCredential(_ credential: StoredRoomCredential) async throws {
        try await write { db in
            try db.execute(
                sql: "UPDATE room_credential SET revoked_at = ? WHERE room_id = ? AND role = ? AND revoked_at IS NULL",
                arguments: [StoreDate.milliseconds(credential.createdAt), credential.room, credential.role])
            try Self.insert(credential, db)
        }
    }

    /// Revokes every active credential of a room and role.
    public func revokeRoomCredentials(room: String, role: String, at date: Date) async throws -> Int {
        try await write { db in
            try db.execute(
                sql: "UPDATE room_credential SET revoked_at = ? WHERE room_id = ? AND role = ? AND revoked_at IS NULL",
                arguments: [StoreDate.milliseconds(date), room, role])
            return db.changesCount
        }
    }

    /// Stores or replaces a party's sealed secret.
    public func saveRoomSecret(_ secret: StoredRoomSecret) async throws {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO room_secret (room_id, kind, party, sealed, updated_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (room_id, kind, party) DO UPDATE SET sealed = excluded.sealed,
                        updated_at = excluded.updated_at
                    """,
                arguments: [
                    secret.room, secret.kind, secret.party, secret.sealed.base64EncodedString(),
                    StoreDate.milliseconds(secret.updatedAt),
                ])
        }
    }

    /// A room's sealed secrets of a kind.
    public func roomSecrets(room: String, kind: String) async throws -> [StoredRoomSecret] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM room_secret WHERE room_id = ? AND kind = ? ORDER BY party",
                arguments: [room, kind]
            ).map { row in
                StoredRoomSecret(
                    room: row["room_id"], kind: row["kind"], party: row["party"],
                    sealed: Data(base64Encoded: row["sealed"] as String) ?? Data(),
                    updatedAt: StoreDate.date(milliseconds: row["updated_at"]))
            }
        }
    }

    /// Appends an audit entry with the next sequence number.
    public func appendRoomAudit(room: String, _ entry: RoomAuditEntry) async throws -> RoomAuditEntry {
        try await write { db in
            let last =
                try Int.fetchOne(
                    db, sql: "SELECT MAX(sequence) FROM room_audit WHERE room_id = ?", arguments: [room]) ?? 0
            var appended = entry
            appended.sequence = last + 1
            appended.at = StoreDate.rounded(entry.at)
            try db.execute(
                sql: "INSERT INTO room_audit (room_id, sequence, at, actor, action, subject) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [
                    room, appended.sequence, StoreDate.milliseconds(entry.at), entry.actor, entry.action, entry.subject,
                ])
            return appended
        }
    }

    /// A room's audit entries after a sequence number.
    public func roomAudit(room: String, after sequence: Int) async throws -> [RoomAuditEntry] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM room_audit WHERE room_id = ? AND sequence > ? ORDER BY sequence",
                arguments: [room, sequence]
            ).map { row in
                RoomAuditEntry(
                    sequence: row["sequence"], at: StoreDate.date(milliseconds: row["at"]), actor: row["actor"],
                    action: row["action"], subject: row["subject"])
            }
        }
    }

    private static func insert(_ credential: StoredRoomCredential, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO room_credential (hash, room_id, role, created_at, revoked_at) VALUES (?, ?, ?, ?, ?)",
            arguments: [
                credential.hash, credential.room, credential.role, StoreDate.milliseconds(credential.createdAt),
                credential.revokedAt.map(StoreDate.milliseconds),
            ])
    }
}
