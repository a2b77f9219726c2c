import AccordKit
import AccordStore
import Foundation

extension RoomService {
    /// Checks and seals a party's preferences (while the room is open).
    func enterPreferences(room id: String, _ json: JSONValue, by role: RoomRole, now: Date) async throws {
        try await exclusive(id) {
            var room = try await self.room(id)
            guard let party = role.partyID else { throw RoomError(.forbidden, "only a party enters preferences") }
            if room.state != .open { try room.enterPreferences(by: role) }
            let preferences = try RoomPreferences(json: json, party: party, skeleton: room.skeleton)
            try room.enterPreferences(by: role)
            try await saveSecret(
                preferences.entry.serialized(indent: 0), room: id, kind: StoredRoomSecret.preferences, party: party,
                now: now)
            try await save(room, now: now)
            try await audit(id, role.description, "preferences.entered", party, now: now)
        }
    }

    /// Locks the room (the mediator) and builds its engine.
    func lock(room id: String, by role: RoomRole, now: Date) async throws {
        try await exclusive(id) {
            var room = try await self.room(id)
            try room.lock(by: role)
            _ = try await engine(room)
            try await save(room, now: now)
            try await audit(id, "mediator", "room.locked", now: now)
        }
    }

    /// The room as the role may see it.
    func view(room id: String, for role: RoomRole, now: Date) async throws -> JSONValue {
        let room = try await self.room(id)
        return room.view(
            for: role, engine: try await engine(room), now: now,
            ownPreferences: try await ownPreferences(room: id, role: role))
    }

    /// The proposals as the role may see them.
    func proposals(room id: String, for role: RoomRole, now: Date) async throws -> JSONValue {
        let room = try await self.room(id)
        let engine = try await engine(room)
        return .object([
            ("serverTime", .string(Room.timestamp(now))),
            ("proposals", .array(room.proposals.map { room.proposalView($0, for: role, engine: engine, now: now) })),
        ])
    }

    /// What the mediator may learn of the engine (the room must be locked).
    func status(room id: String, by role: RoomRole) async throws -> JSONValue {
        let room = try await self.room(id)
        try Self.requireMediator(role, "reads the engine's status")
        guard let engine = try await engine(room) else {
            throw RoomError(.conflict, "the room is open: the mediator must lock it first")
        }
        return room.status(engine: engine)
    }

    /// The engine's suggestion (the mediator, when the policy allows).
    func suggestion(room id: String, by role: RoomRole, now: Date) async throws -> JSONValue {
        return try await exclusive(id) {
            let room = try await self.room(id)
            try Self.requireMediator(role, "asks for a suggestion")
            try room.requireTalks()
            guard let engine = try await engine(room) else { throw RoomError(.conflict, "the room is not locked") }
            let suggestion = try room.suggestion(engine: engine, by: role)
            try await audit(id, "mediator", "suggestion.made", now: now)
            return suggestion
        }
    }

    /// Puts a proposal (or, `kind: text`, a negotiating-text revision) on the table.
    func propose(
        room id: String, package: JSONValue?, expiresAt: Date?, kind: RoomProposal.Kind, by role: RoomRole, now: Date
    ) async throws -> RoomProposal {
        return try await exclusive(id) {
            var room = try await self.room(id)
            let outcome = try room.skeleton.outcome(package, path: "package")
            let proposal = try room.propose(outcome, kind: kind, expiresAt: expiresAt, by: role, now: now)
            try await save(room, now: now)
            try await audit(
                id, role.description, kind == .text ? "text.revised" : "proposal.created", proposal.id, now: now)
            scheduleLapse(room: id, proposal: proposal.id, at: proposal.expiresAt)
            return proposal
        }
    }

    /// Records a party's response; on agreement looks for a post-settlement improvement.
    func respond(
        room id: String, proposal: String, accept: Bool, objections: [String], by role: RoomRole, now: Date
    ) async throws {
        try await exclusive(id) {
            var room = try await self.room(id)
            let effect = try room.respond(to: proposal, accept: accept, objections: objections, by: role, now: now)
            try await save(room, now: now)
            room.revision += 1
            try await audit(id, role.description, "response.recorded", proposal, now: now)
            switch effect {
            case .recorded: break
            case .improvementRejected: try await audit(id, "engine", "improvement.rejected", proposal, now: now)
            case .agreed: try await agreed(&room, now: now)
            }
        }
    }

    /// After an agreement: announces it and, if the engine finds a package every party prefers, proposes it.
    func agreed(_ room: inout Room, now: Date) async throws {
        try await audit(room.id, "engine", "agreement.declared", room.agreement?.proposalID, now: now)
        guard room.state == .agreed, let agreement = room.agreement, let engine = try await engine(room),
            let improvement = try engine.improvement(on: agreement.outcome)
        else { return }
        let proposal = try room.proposeImprovement(improvement.outcome, now: now)
        try await save(room, now: now)
        room.revision += 1
        try await audit(room.id, "engine", "improvement.proposed", proposal.id, now: now)
    }

    /// Replaces a party's secret acceptances; declares the agreement when every party's marks overlap.
    func secretAcceptances(room id: String, packages: [JSONValue], by role: RoomRole, now: Date) async throws {
        try await exclusive(id) {
            var room = try await self.room(id)
            guard let party = role.partyID else {
                throw RoomError(.forbidden, "only a party marks packages it accepts")
            }
            try room.requireTalks()
            let outcomes = try packages.enumerated().map { index, package in
                try room.skeleton.outcome(package, path: "packages[\(index)]")
            }
            let stored = JSONValue.array(outcomes.map { room.skeleton.json(of: $0) })
            try await saveSecret(
                stored.serialized(indent: 0), room: id, kind: StoredRoomSecret.secretAcceptances, party: party, now: now
            )
            try await audit(id, "party", "secret-acceptances.updated", now: now)
            let marks = try await secrets(room: id, kind: StoredRoomSecret.secretAcceptances).mapValues { list in
                (list.items ?? []).compactMap { try? room.skeleton.outcome($0, path: "package") }
            }
            guard let engine = try await engine(room), let agreement = engine.secretAgreement(marks: marks) else {
                return
            }
            try room.declareSecretAgreement(agreement, now: now)
            try await save(room, now: now)
            room.revision += 1
            try await agreed(&room, now: now)
        }
    }

    /// The post-settlement step as every role may see it.
    func improvements(room id: String, now: Date) async throws -> JSONValue {
        try await self.room(id).improvements(now: now)
    }

    /// The audit log (the mediator).
    func auditLog(room id: String, by role: RoomRole) async throws -> JSONValue {
        _ = try await self.room(id)
        try Self.requireMediator(role, "reads the audit log")
        let entries = try await store.roomAudit(room: id, after: 0)
        return .object([("entries", .array(entries.map(\.json)))])
    }

    /// The events so far as the role may see them.
    func events(room id: String, for role: RoomRole) async throws -> [JSONValue] {
        try await store.roomAudit(room: id, after: 0).compactMap { $0.event(for: role) }
    }

    /// A party's own utility of each package under its entered (or given, not yet saved) preferences, and whether it
    /// would accept it: the live preview of its page. Nothing is stored, logged or audited.
    func preview(room id: String, preferences: JSONValue?, packages: [JSONValue], by role: RoomRole) async throws
        -> JSONValue
    {
        let room = try await self.room(id)
        guard let party = role.partyID else { throw RoomError(.forbidden, "only a party previews its own preferences") }
        let entered = try await enteredPreferences(room: room, preferences: preferences, role: role, party: party)
        let outcomes = try packages.enumerated().map { index, item throws(RoomError) in
            try room.skeleton.outcome(item, path: "packages[\(index)]")
        }
        return try entered.preview(outcomes, party: party, in: room.skeleton)
    }

    /// The preferences given with a request (checked, not stored), else the party's stored ones.
    private func enteredPreferences(room: Room, preferences: JSONValue?, role: RoomRole, party: String) async throws
        -> RoomPreferences
    {
        if let preferences { return try RoomPreferences(json: preferences, party: party, skeleton: room.skeleton) }
        if let stored = try await ownPreferences(room: room.id, role: role) { return stored }
        throw RoomError(.conflict, "enter preferences first, or send them with the request")
    }

    /// The conjoint check of a party's ratings against its entered (or given) preferences; nothing is stored.
    func conjoint(room id: String, preferences: JSONValue?, ratings: [JSONValue], by role: RoomRole) async throws
        -> JSONValue
    {
        let room = try await self.room(id)
        guard let party = role.partyID else { throw RoomError(.forbidden, "only a party checks its own preferences") }
        let entered = try await enteredPreferences(room: room, preferences: preferences, role: role, party: party)
        let rated = try ratings.enumerated().map { index, item in
            let outcome = try room.skeleton.outcome(item["package"], path: "ratings[\(index)].package")
            guard let rating = item["rating"].flatMap(RequestOptions.number) else {
                throw RoomError(.invalid, "ratings[\(index)].rating must be a number between 0 and 1")
            }
            return (outcome, rating)
        }
        let check = try ConjointCheck(
            party: try entered.party(party, in: room.skeleton), space: room.skeleton.space, ratings: rated)
        return check.json(skeleton: room.skeleton)
    }
}
