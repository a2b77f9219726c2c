import AccordKit
import AccordStore
import Foundation
import Logging

/// The rooms of the server: every step of a room goes through this actor, one at a time, so a room's revisions
/// follow each other. It loads and saves rooms, seals and opens the parties' secrets, keeps each locked room's
/// engine, appends the audit log and publishes its entries as events, and announces lapsed proposals on time.
actor RoomService {
    let store: any RoomStore
    let hub = RoomEventHub()
    private let keyFile: String
    private var key: RoomKey?
    private var engines: [String: RoomEngine] = [:]
    /// The rooms of ``engines``, least recently built first.
    private var engineOrder: [String] = []
    /// The most engines kept: each is rebuilt from the stored preferences when needed, so the cache need not
    /// hold every locked room the server has seen (it grew without bound in a 30-minute soak).
    static let engineLimit = 256
    var lapseTasks: [String: Task<Void, Never>] = [:]
    private var logger = Logger(label: "accord.rooms", factory: { _ in SwiftLogNoOpLogHandler() })
    private var busyRooms: Set<String> = []
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    init(store: any RoomStore, keyFile: String) {
        self.store = store
        self.keyFile = keyFile
    }

    /// Logs each audit entry (who, what, which room — never a value) to the server's log.
    func use(logger: Logger) {
        self.logger = logger
    }

    /// The sealing key, loaded (or created) the first time a room needs it.
    func roomKey() throws -> RoomKey {
        if let key { return key }
        let loaded = try RoomKey.load(file: keyFile)
        key = loaded
        return loaded
    }

    /// A room by id; 404 when there is none.
    func room(_ id: String) async throws -> Room {
        guard let stored = try await store.room(id: id) else {
            throw Problem.notFound("there is no room '\(id.cut())'.")
        }
        let document = try JSONValue(parsing: stored.document)
        return try Room(document: document, revision: stored.revision)
    }

    /// Saves a changed room (its next revision).
    func save(_ room: Room, now: Date) async throws {
        let stored = StoredRoom(
            id: room.id, document: room.document.serialized(indent: 0), revision: room.revision + 1,
            createdAt: room.createdAt, updatedAt: now)
        try await store.updateRoom(stored)
    }

    /// Appends an audit entry and publishes it.
    @discardableResult
    func audit(_ room: String, _ actor: String, _ action: String, _ subject: String? = nil, now: Date) async throws
        -> RoomAuditEntry
    {
        let entry = try await store.appendRoomAudit(
            room: room, RoomAuditEntry(at: now, actor: actor, action: action, subject: subject))
        hub.publish(entry, room: room)
        logger.info(
            "room step",
            metadata: [
                "room": .string(room), "actor": .string(entry.actor), "action": .string(entry.action),
                "subject": .string(entry.subject ?? ""), "sequence": .stringConvertible(entry.sequence),
            ])
        return entry
    }

    /// The authenticated data a sealed secret is bound to.
    static func binding(room: String, kind: String, party: String) -> String { "\(room)/\(kind)/\(party)" }

    /// Seals and stores a party's secret.
    func saveSecret(_ text: String, room: String, kind: String, party: String, now: Date) async throws {
        let sealed = try roomKey().seal(text, binding: Self.binding(room: room, kind: kind, party: party))
        try await store.saveRoomSecret(
            StoredRoomSecret(room: room, kind: kind, party: party, sealed: sealed, updatedAt: now))
    }

    /// A room's secrets of a kind, opened, by party id.
    func secrets(room: String, kind: String) async throws -> [String: JSONValue] {
        var opened: [String: JSONValue] = [:]
        for secret in try await store.roomSecrets(room: room, kind: kind) {
            let text: String
            do {
                text = try roomKey().open(
                    secret.sealed, binding: Self.binding(room: room, kind: kind, party: secret.party))
            } catch {
                throw Problem(
                    .internalServerError,
                    "a sealed room secret does not open: the room key is not the one it was sealed with.")
            }
            opened[secret.party] = try JSONValue(parsing: text)
        }
        return opened
    }

    /// The engine of a locked room (built once from the opened preferences, then kept).
    func engine(_ room: Room) async throws -> RoomEngine? {
        guard room.state != .open else { return nil }
        if let engine = engines[room.id] { return engine }
        let preferences = try await secrets(room: room.id, kind: StoredRoomSecret.preferences).mapValues {
            RoomPreferences(stored: $0)
        }
        let engine = try RoomEngine(skeleton: room.skeleton, preferences: preferences, fairness: room.fairness)
        engines[room.id] = engine
        engineOrder.append(room.id)
        if engineOrder.count > Self.engineLimit { engines[engineOrder.removeFirst()] = nil }
        return engine
    }

    /// The party's own preferences, opened (for its view alone).
    func ownPreferences(room: String, role: RoomRole) async throws -> RoomPreferences? {
        guard let party = role.partyID else { return nil }
        return try await secrets(room: room, kind: StoredRoomSecret.preferences)[party].map {
            RoomPreferences(stored: $0)
        }
    }
}

extension RoomService {
    /// Runs `body` while no other step of the same room runs (the actor alone does not keep steps apart: a step
    /// waits on the store, and another may start meanwhile), first come first served.
    func exclusive<T: Sendable>(_ room: String, _ body: () async throws -> T) async throws -> T {
        if busyRooms.contains(room) {
            await withCheckedContinuation { waiting[room, default: []].append($0) }
        } else {
            busyRooms.insert(room)
        }
        defer { release(room) }
        return try await body()
    }

    private func release(_ room: String) {
        if var queue = waiting[room], !queue.isEmpty {
            let next = queue.removeFirst()
            waiting[room] = queue.isEmpty ? nil : queue
            next.resume()
        } else {
            busyRooms.remove(room)
        }
    }
}
