import AccordKit
import AccordStore
import Foundation
import Testing

/// The contract of ``RoomStore``, run against SQLite (in memory and in a file) and PostgreSQL.
@Suite struct RoomStoreTests {
    /// A fresh room store of a kind (PostgreSQL in a schema of its own, dropped by `cleanUp`), or `nil` when the
    /// kind cannot run here.
    static func makeStore(_ kind: StoreKind) async throws -> (
        store: any RoomStore, cleanUp: @Sendable () async -> Void
    )? {
        switch kind {
        case .sqliteInMemory, .sqliteFile:
            guard let store = try await kind.makeStore() as? any RoomStore & WorkspaceStore else { return nil }
            return (store, { try? await store.close() })
        case .postgres:
            guard let url = TestDatabases.postgresURL() else { return nil }
            let schema = TestDatabases.freshSchemaName()
            let store = try await PostgresStore.connect(url: TestDatabases.url(url, schema: schema))
            return (
                store,
                {
                    try? await store.close()
                    try? await TestDatabases.dropSchema(schema, serverURL: url)
                }
            )
        }
    }

    static let start = Date(timeIntervalSince1970: 1_800_000_000.123)

    static func room(_ id: String) -> StoredRoom {
        StoredRoom(id: id, document: #"{"id": "\#(id)"}"#, createdAt: start)
    }

    @Test(arguments: StoreKind.allCases)
    func aRoomIsStoredAndUpdatedOneRevisionAtATime(kind: StoreKind) async throws {
        guard let (store, cleanUp) = try await Self.makeStore(kind) else { return }
        let id = "room-" + UUID().uuidString.prefix(8).lowercased()
        try await store.insertRoom(Self.room(id), credentials: [])
        await #expect(throws: StoreError.self) { try await store.insertRoom(Self.room(id), credentials: []) }
        var room = try #require(try await store.room(id: id))
        #expect(room == Self.room(id))
        room.document = #"{"id": "\#(id)", "state": "locked"}"#
        room.revision = 2
        room.updatedAt = Self.start.addingTimeInterval(60)
        try await store.updateRoom(room)
        #expect(try await store.room(id: id) == room)
        await #expect(throws: StoreError.self) { try await store.updateRoom(room) }
        #expect(try await store.roomIDs().contains(id))
        #expect(try await store.room(id: "no-such-room") == nil)
        await cleanUp()
    }

    @Test(arguments: StoreKind.allCases)
    func credentialsAreFoundByHashReplacedAndRevoked(kind: StoreKind) async throws {
        guard let (store, cleanUp) = try await Self.makeStore(kind) else { return }
        let id = "room-" + UUID().uuidString.prefix(8).lowercased()
        let first = StoredRoomCredential(hash: "h1-" + id, room: id, role: "party:a", createdAt: Self.start)
        try await store.insertRoom(Self.room(id), credentials: [first])
        #expect(try await store.roomCredential(hash: first.hash) == first)
        let second = StoredRoomCredential(
            hash: "h2-" + id, room: id, role: "party:a", createdAt: Self.start.addingTimeInterval(1))
        try await store.replaceRoomCredential(second)
        #expect(try await store.roomCredential(hash: first.hash)?.revokedAt == second.createdAt)
        #expect(try await store.roomCredential(hash: second.hash)?.revokedAt == nil)
        #expect(
            try await store.revokeRoomCredentials(room: id, role: "party:a", at: Self.start.addingTimeInterval(2)) == 1)
        #expect(try await store.roomCredential(hash: second.hash)?.revokedAt == Self.start.addingTimeInterval(2))
        #expect(try await store.revokeRoomCredentials(room: id, role: "party:a", at: Self.start) == 0)
        #expect(try await store.roomCredential(hash: "unknown") == nil)
        await cleanUp()
    }

    @Test(arguments: StoreKind.allCases)
    func sealedSecretsAreKeptAsBytesAndReplacedPerParty(kind: StoreKind) async throws {
        guard let (store, cleanUp) = try await Self.makeStore(kind) else { return }
        let id = "room-" + UUID().uuidString.prefix(8).lowercased()
        try await store.insertRoom(Self.room(id), credentials: [])
        let bytes = Data((0...255).map { UInt8($0) })
        let secret = StoredRoomSecret(
            room: id, kind: StoredRoomSecret.preferences, party: "b", sealed: bytes, updatedAt: Self.start)
        try await store.saveRoomSecret(secret)
        var replaced = secret
        replaced.sealed = Data([1, 2, 3])
        try await store.saveRoomSecret(replaced)
        try await store.saveRoomSecret(
            StoredRoomSecret(
                room: id, kind: StoredRoomSecret.preferences, party: "a", sealed: bytes, updatedAt: Self.start))
        let kept = try await store.roomSecrets(room: id, kind: StoredRoomSecret.preferences)
        #expect(kept.map(\.party) == ["a", "b"])
        #expect(kept.last == replaced)
        #expect(kept.first?.sealed == bytes)
        #expect(try await store.roomSecrets(room: id, kind: StoredRoomSecret.secretAcceptances).isEmpty)
        await cleanUp()
    }

    @Test(arguments: StoreKind.allCases)
    func theAuditLogIsNumberedInOrderAndReadAfterASequence(kind: StoreKind) async throws {
        guard let (store, cleanUp) = try await Self.makeStore(kind) else { return }
        let id = "room-" + UUID().uuidString.prefix(8).lowercased()
        try await store.insertRoom(Self.room(id), credentials: [])
        let actions = ["room.created", "preferences.entered", "room.locked"]
        for (index, action) in actions.enumerated() {
            let entry = try await store.appendRoomAudit(
                room: id,
                RoomAuditEntry(at: Self.start.addingTimeInterval(Double(index)), actor: "mediator", action: action))
            #expect(entry.sequence == index + 1)
        }
        let all = try await store.roomAudit(room: id, after: 0)
        #expect(all.map(\.action) == actions)
        #expect(all.map(\.sequence) == [1, 2, 3])
        #expect(all.first?.at == Self.start)
        #expect(all.first?.subject == nil)
        #expect(try await store.roomAudit(room: id, after: 2).map(\.action) == ["room.locked"])
        await cleanUp()
    }

    @Test func thePostgreSQLAuditLogRefusesUpdatesAndDeletes() async throws {
        guard let url = TestDatabases.postgresURL() else { return }
        let schema = TestDatabases.freshSchemaName()
        let store = try await PostgresStore.connect(url: TestDatabases.url(url, schema: schema))
        try await store.insertRoom(Self.room("r1"), credentials: [])
        _ = try await store.appendRoomAudit(
            room: "r1", RoomAuditEntry(at: Self.start, actor: "mediator", action: "room.created"))
        await #expect(throws: (any Error).self) {
            _ = try await TestDatabases.query(
                "UPDATE \(unescaped: schema).room_audit SET actor = 'someone else'", serverURL: url)
        }
        await #expect(throws: (any Error).self) {
            _ = try await TestDatabases.query("DELETE FROM \(unescaped: schema).room_audit", serverURL: url)
        }
        #expect(try await store.roomAudit(room: "r1", after: 0).map(\.actor) == ["mediator"])
        try await store.close()
        try await TestDatabases.dropSchema(schema, serverURL: url)
    }
}
