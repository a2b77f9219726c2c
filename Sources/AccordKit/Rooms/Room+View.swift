import Foundation

extension Room {
    /// What a role may see of the room: the public scenario, the policy, the state and the proposals, and — from
    /// the engine, once the room is locked — only what the role is allowed: a party its own utility of each
    /// proposal and whether it is acceptable to all; the mediator acceptability (and who objects when the policy
    /// names blocking parties). `ownPreferences` is shown to that party alone.
    public func view(for role: RoomRole, engine: RoomEngine?, now: Date, ownPreferences: RoomPreferences? = nil)
        -> JSONValue
    {
        var members: [JSONValue.Member] = [
            ("id", .string(id)), ("name", .string(skeleton.name)), ("state", .string(state.rawValue)),
            ("role", roleJSON(role)), ("serverTime", .string(Self.timestamp(now))),
            ("disclosure", disclosure.json), ("fairness", .string(fairness.rawValue)),
            ("issues", skeleton.issuesJSON),
            (
                "parties",
                .array(
                    zip(skeleton.partyIDs, skeleton.partyNames).map { id, name in
                        .object([
                            ("id", .string(id)), ("name", .string(name)),
                            ("preferencesEntered", .bool(preferencesEntered.contains(id))),
                        ])
                    })
            ),
            ("proposals", .array(proposals.map { proposalView($0, for: role, engine: engine, now: now) })),
            ("agreement", agreement.map(agreementJSON) ?? .null), ("textRevision", .int(textRevision)),
        ]
        if role.partyID != nil { members.append(("preferences", ownPreferences?.entry ?? .null)) }
        return .object(members)
    }

    private func roleJSON(_ role: RoomRole) -> JSONValue {
        .object([("kind", .string(role.kind)), ("party", role.partyID.map(JSONValue.string) ?? .null)])
    }

    /// A proposal as a role sees it.
    public func proposalView(_ proposal: RoomProposal, for role: RoomRole, engine: RoomEngine?, now: Date)
        -> JSONValue
    {
        let accepted = proposal.responses.filter(\.accept).count
        let rejected = proposal.responses.count - accepted
        var members: [JSONValue.Member] = [
            ("id", .string(proposal.id)), ("package", skeleton.json(of: proposal.outcome)),
            ("kind", .string(proposal.kind.rawValue)), ("author", .string(proposal.author)),
            ("createdAt", .string(Self.timestamp(proposal.createdAt))),
            ("expiresAt", proposal.expiresAt.map { .string(Self.timestamp($0)) } ?? .null),
            ("revision", proposal.revision.map(JSONValue.int) ?? .null),
            ("status", .string(proposal.status(at: now, parties: partyIDs).rawValue)),
            (
                "responseCounts",
                .object([
                    ("accepted", .int(accepted)), ("rejected", .int(rejected)),
                    ("pending", .int(partyIDs.count - proposal.responses.count)),
                ])
            ),
        ]
        switch role {
        case .mediator:
            members.append(("responses", .array(proposal.responses.map(responseJSON))))
            if let engine {
                members.append(("acceptableToAll", .bool(engine.isAcceptableToAll(proposal.outcome))))
                if disclosure.blockingPartiesNamed {
                    members.append(("objectors", .array(engine.objectors(of: proposal.outcome).map(JSONValue.string))))
                }
            }
        case .party(let party):
            let own = proposal.responses.first { $0.party == party }
            members.append(("ownResponse", own.map(responseJSON) ?? .null))
            if let engine {
                members.append(
                    ("ownUtility", engine.utility(of: proposal.outcome, party: party).map(JSONValue.number) ?? .null))
                members.append(("acceptableToAll", .bool(engine.isAcceptableToAll(proposal.outcome))))
                if disclosure.partyObjectorsNamed {
                    members.append(("objectors", .array(engine.objectors(of: proposal.outcome).map(JSONValue.string))))
                }
            }
        case .observer: break
        }
        return .object(members)
    }

    private func responseJSON(_ response: RoomResponse) -> JSONValue {
        .object([
            ("party", .string(response.party)), ("accept", .bool(response.accept)),
            ("objections", .array(response.objections.map(JSONValue.string))),
            ("at", .string(Self.timestamp(response.at))),
        ])
    }

    private func agreementJSON(_ agreement: RoomAgreement) -> JSONValue {
        .object([
            ("package", skeleton.json(of: agreement.outcome)), ("basis", .string(agreement.basis.rawValue)),
            ("proposal", agreement.proposalID.map(JSONValue.string) ?? .null),
            ("at", .string(Self.timestamp(agreement.at))),
            ("previous", agreement.previous.map { skeleton.json(of: $0) } ?? .null),
        ])
    }

    /// What the mediator may learn of the engine under the room's policy: `zoneExists` always, `zoneCount` and
    /// `blockingParties` (when no package is acceptable to all) when the policy allows them.
    public func status(engine: RoomEngine) -> JSONValue {
        var members: [JSONValue.Member] = [
            ("state", .string(state.rawValue)), ("zoneExists", .bool(engine.zoneExists)),
        ]
        if disclosure.zoneCount { members.append(("zoneCount", .int(engine.zoneCount))) }
        if disclosure.blockingPartiesNamed {
            members.append(("blockingParties", .array(engine.blockingParties.map(JSONValue.string))))
        }
        return .object(members)
    }

    /// The engine's suggestion for the mediator, when the policy allows it: `{"package", "basis", "acceptableToAll"}`
    /// (basis `nash`, `kalai-smorodinsky`, or `closest` when no package is acceptable to all).
    public func suggestion(engine: RoomEngine, by role: RoomRole) throws(RoomError) -> JSONValue {
        guard role == .mediator else { throw RoomError(.forbidden, "only the mediator asks for a suggestion") }
        guard disclosure.suggestion else {
            throw RoomError(.forbidden, "this room's disclosure policy does not let the engine suggest a package")
        }
        try requireTalks()
        guard let suggestion = engine.suggestion else {
            throw RoomError(.conflict, "no package crosses no red line: the engine has nothing to suggest")
        }
        return .object([
            ("package", skeleton.json(of: suggestion.outcome)), ("basis", .string(suggestion.basis)),
            ("acceptableToAll", .bool(engine.isAcceptableToAll(suggestion.outcome))),
        ])
    }

    /// What every role may learn of the post-settlement step: the agreement, and whether the engine found a package
    /// every party prefers (then the proposal that puts it to the vote and its status).
    public func improvements(now: Date) throws(RoomError) -> JSONValue {
        guard let agreement else { throw RoomError(.conflict, "there is no agreement yet") }
        let proposal = improvementProposal
        return .object([
            ("agreement", agreementJSON(agreement)), ("state", .string(state.rawValue)),
            ("improvementExists", .bool(proposal != nil)),
            ("proposal", proposal.map { .string($0.id) } ?? .null),
            ("status", proposal.map { .string($0.status(at: now, parties: partyIDs).rawValue) } ?? .null),
        ])
    }
}
