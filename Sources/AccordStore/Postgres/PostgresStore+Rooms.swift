import AccordKit
import Foundation
import Logging
import PostgresNIO

extension PostgresStore: RoomStore {
    /// Stores a new room with its first credentials (see ``RoomStore``).
    public func insertRoom(_ room: StoredRoom, credentials: [StoredRoomCredential]) async throws {
        let (created, updated) = (StoreDate.milliseconds(room.createdAt), StoreDate.milliseconds(room.updatedAt))
        try await transaction { connection in
            let inserted = try await Self.rows(
                """
                INSERT INTO room (id, document, revision, created_at, updated_at)
                VALUES (\(room.id), \(room.document), \(Int64(room.revision)), \(created), \(updated))
                ON CONFLICT DO NOTHING RETURNING 1
                """, on: connection, logger: self.logger)
            if inserted.isEmpty { throw StoreError.conflict("room '\(room.id)'") }
            for credential in credentials { try await Self.insert(credential, on: connection, logger: self.logger) }
        }
    }

    /// A room, or `nil`.
    public func room(id: String) async throws -> StoredRoom? {
        guard
            let row = try await rows(
                "SELECT id, document, revision, created_at, updated_at FROM room WHERE id = \(id)"
            ).first
        else { return nil }
        return try decoded("a room") {
            let (id, document, revision, created, updated) = try row.decode(
                (String, String, Int64, Int64, Int64).self)
            return StoredRoom(
                id: id, document: document, revision: Int(revision),
                createdAt: StoreDate.date(milliseconds: created), updatedAt: StoreDate.date(milliseconds: updated))
        }
    }

    /// The ids of every room, oldest first.
    public func roomIDs() async throws -> [String] {
        try await rows("SELECT id FROM room ORDER BY created_at, id COLLATE \"C\"").map { row in
            try decoded("a room id") { try row.decode(String.self) }
        }
    }

    /// Replaces a room's document at its next revision (a conflict otherwise).
    public func updateRoom(_ room: StoredRoom) async throws {
        let (revision, previous) = (Int64(room.revision), Int64(room.revision - 1))
        let updated = StoreDate.milliseconds(room.updatedAt)
        try await transaction { connection in
            let changed = try await Self.rows(
                """
                UPDATE room SET document = \(room.document), revision = \(revision), updated_at = \(updated)
                WHERE id = \(room.id) AND revision = \(previous) RETURNING 1
                """, on: connection, logger: self.logger)
            if changed.isEmpty { throw StoreError.conflict("revision \(room.revision) of room '\(room.id)'") }
        }
    }

    /// The credential with this hash, or `nil`.
    public func roomCredential(hash: String) async throws -> StoredRoomCredential? {
        guard
            let row = try await rows(
                "SELECT hash, room_id, role, created_at, revoked_at FROM room_credential WHERE hash = \(hash)"
            ).first
        else { return nil }
        return try decoded("a room credential") {
            let (hash, room, role, created, revoked) = try row.decode((String, String, String, Int64, Int64?).self)
            return StoredRoomCredential(
                hash: hash, room: room, role: role, createdAt: StoreDate.date(milliseconds: created),
                revokedAt: revoked.map(StoreDate.date(milliseconds:)))
        }
    }

    /// Stores a credential, revoking the earlier ones of its room and role.
    public func replaceRoomCredential(_ credential: StoredRoomCredential) async throws {
        let created = StoreDate.milliseconds(credential.createdAt)
        try await transaction { connection in
            try await Self.rows(
                """
                UPDATE room_credential SET revoked_at = \(created)
                WHERE room_id = \(credential.room) AND role = \(credential.role) AND revoked_at IS NULL
                """, on: connection, logger: self.logger)
            try await Self.insert(credential, on: connection, logger: self.logger)
        }
    }

    /// Revokes every active credential of a room and role.
    public func revokeRoomCredentials(room: String, role: String, at date: Date) async throws -> Int {
        let at = StoreDate.milliseconds(date)
        return try await transaction { connection in
            try await Self.rows(
                """
                UPDATE room_credential SET revoked_at = \(at)
                WHERE room_id = \(room) AND role = \(role) AND revoked_at IS NULL RETURNING 1
                """, on: connection, logger: self.logger
            ).count
        }
    }

    /// Stores or replaces a party's sealed secret.
    public func saveRoomSecret(_ secret: StoredRoomSecret) async throws {
        let (sealed, updated) = (secret.sealed.base64EncodedString(), StoreDate.milliseconds(secret.updatedAt))
        _ = try await transaction { connection in
            try await Self.rows(
                """
                INSERT INTO room_secret (room_id, kind, party, sealed, updated_at)
                VALUES (\(secret.room), \(secret.kind), \(secret.party), \(sealed), \(updated))
                ON CONFLICT (room_id, kind, party) DO UPDATE SET sealed = excluded.sealed,
                    updated_at = excluded.updated_at
                """, on: connection, logger: self.logger)
        }
    }

    /// A room's sealed secrets of a kind.
    public func roomSecrets(room: String, kind: String) async throws -> [StoredRoomSecret] {
        try await rows(
            """
            SELECT party, sealed, updated_at FROM room_secret WHERE room_id = \(room) AND kind = \(kind)
            ORDER BY party COLLATE "C"
            """
        ).map { row in
            try decoded("a room secret") {
                let (party, sealed, updated) = try row.decode((String, String, Int64).self)
                return StoredRoomSecret(
                    room: room, kind: kind, party: party, sealed: Data(base64Encoded: sealed) ?? Data(),
                    updatedAt: StoreDate.date(milliseconds: updated))
            }
        }
    }

    /// Appends an audit entry with the next sequence number.
    public func appendRoomAudit(room: String, _ entry: RoomAuditEntry) async throws -> RoomAuditEntry {
        let at = StoreDate.milliseconds(entry.at)
        return try await transaction { connection in
            let rows = try await Self.rows(
                """
                INSERT INTO room_audit (room_id, sequence, at, actor, action, subject)
                SELECT \(room), COALESCE(MAX(sequence), 0) + 1, \(at), \(entry.actor), \(entry.action), \(entry.subject)
                FROM room_audit WHERE room_id = \(room) RETURNING sequence
                """, on: connection, logger: self.logger)
            var appended = entry
            appended.at = StoreDate.date(milliseconds: at)
            appended.sequence = Int(try rows.first?.decode(Int64.self) ?? 0)
            return appended
        }
    }

    /// A room's audit entries after a sequence number.
    public func roomAudit(room: String, after sequence: Int) async throws -> [RoomAuditEntry] {
        try await rows(
            """
            SELECT sequence, at, actor, action, subject FROM room_audit
            WHERE room_id = \(room) AND sequence > \(Int64(sequence)) ORDER BY sequence
            """
        ).map { row in
            try decoded("a room audit entry") {
                let (sequence, at, actor, action, subject) = try row.decode(
                    (Int64, Int64, String, String, String?).self)
                return RoomAuditEntry(
                    sequence: Int(sequence), at: StoreDate.date(milliseconds: at), actor: actor, action: action,
                    subject: subject)
            }
        }
    }

    private static func insert(_ credential: StoredRoomCredential, on connection: PostgresConnection, logger: Logger)
        async throws
    {
        let created = StoreDate.milliseconds(credential.createdAt)
        let revoked = credential.revokedAt.map(StoreDate.milliseconds)
        try await rows(
            """
            INSERT INTO room_credential (hash, room_id, role, created_at, revoked_at)
            VALUES (\(credential.hash), \(credential.room), \(credential.role), \(created), \(revoked))
            """, on: connection, logger: logger)
    }

    private func decoded<T>(_ what: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw StoreError.database("\(what) cannot be read: \(Self.reason(error))")
        }
    }
}
