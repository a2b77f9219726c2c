import AccordKit
import AccordStore
import Foundation

extension RoomService {
    /// The credentials of a new room, one token per role, shown once.
    struct Tokens {
        var mediator: String
        var observer: String
        var parties: [(String, String)]

        var json: JSONValue {
            .object([
                ("mediator", .string(mediator)), ("observer", .string(observer)),
                ("parties", .object(parties.map { ($0.0, .string($0.1)) })),
            ])
        }
    }

    /// Creates a room from a skeleton, a disclosure policy and a fairness rule.
    func create(skeleton: RoomSkeleton, disclosure: JSONValue?, fairness: JSONValue?, now: Date) async throws
        -> (Room, Tokens)
    {
        let policy = try DisclosurePolicy(json: disclosure)
        let rule = try FairnessRule.parse(fairness, path: "fairness")
        _ = try roomKey()
        let room = Room(id: RoomToken.roomID(), skeleton: skeleton, disclosure: policy, fairness: rule, createdAt: now)
        let tokens = Tokens(
            mediator: RoomToken.make(), observer: RoomToken.make(),
            parties: skeleton.partyIDs.map { ($0, RoomToken.make()) })
        let credentials =
            [(RoomRole.mediator, tokens.mediator), (.observer, tokens.observer)]
            + tokens.parties.map { (RoomRole.party($0.0), $0.1) }
        try await store.insertRoom(
            StoredRoom(id: room.id, document: room.document.serialized(indent: 0), createdAt: now),
            credentials: credentials.map {
                StoredRoomCredential(hash: RoomToken.hash($1), room: room.id, role: $0.description, createdAt: now)
            })
        try await audit(room.id, "mediator", "room.created", now: now)
        return (room, tokens)
    }

    /// Replaces the credential of a role (the mediator): the earlier one stops working; the new token is returned.
    func replaceCredential(room id: String, of role: RoomRole, by actor: RoomRole, now: Date) async throws -> String {
        return try await exclusive(id) {
            let room = try await self.room(id)
            try Self.requireMediator(actor, "replaces credentials")
            try Self.require(role, in: room)
            let token = RoomToken.make()
            try await store.replaceRoomCredential(
                StoredRoomCredential(hash: RoomToken.hash(token), room: id, role: role.description, createdAt: now))
            try await audit(id, "mediator", "credential.replaced", role.description, now: now)
            return token
        }
    }

    /// Revokes the credential of a role (the mediator).
    func revokeCredential(room id: String, of role: RoomRole, by actor: RoomRole, now: Date) async throws {
        try await exclusive(id) {
            let room = try await self.room(id)
            try Self.requireMediator(actor, "revokes credentials")
            try Self.require(role, in: room)
            _ = try await store.revokeRoomCredentials(room: id, role: role.description, at: now)
            try await audit(id, "mediator", "credential.revoked", role.description, now: now)
        }
    }

    static func requireMediator(_ role: RoomRole, _ what: String) throws {
        guard role == .mediator else { throw RoomError(.forbidden, "only the mediator \(what)") }
    }

    static func require(_ role: RoomRole, in room: Room) throws {
        if let party = role.partyID, !room.partyIDs.contains(party) {
            throw RoomError(.notFound, "there is no party '\(party.cut())' in this room")
        }
    }

    /// Schedules the announcement of every open proposal's lapse, in every room: what a start does.
    func resume(now: Date) async throws {
        for id in try await store.roomIDs() {
            let room = try await self.room(id)
            for proposal in room.proposals { scheduleLapse(room: id, proposal: proposal.id, at: proposal.expiresAt) }
        }
    }

    /// Announces a proposal's lapse at its expiry (at once when it is past): the audit log and every stream get
    /// `proposal.lapsed`, once.
    func scheduleLapse(room: String, proposal: String, at expiry: Date?) {
        guard let expiry else { return }
        let key = room + "/" + proposal
        lapseTasks[key]?.cancel()
        lapseTasks[key] = Task { [weak self] in
            let wait = expiry.timeIntervalSinceNow
            if wait > 0 { try? await Task.sleep(for: .milliseconds(Int(wait * 1000) + 5)) }
            guard !Task.isCancelled else { return }
            try? await self?.announceLapse(room: room, proposal: proposal)
        }
    }

    private func announceLapse(room id: String, proposal: String) async throws {
        try await exclusive(id) {
            lapseTasks[id + "/" + proposal] = nil
            let room = try await self.room(id)
            let now = Date()
            guard let found = try? room.proposal(proposal), found.status(at: now, parties: room.partyIDs) == .lapsed
            else {
                return
            }
            let log = try await store.roomAudit(room: id, after: 0)
            guard !log.contains(where: { $0.action == "proposal.lapsed" && $0.subject == proposal }) else { return }
            try await audit(id, "server", "proposal.lapsed", proposal, now: now)
        }
    }
}
