import Foundation

/// A confidential negotiation room: its public scenario, disclosure policy and fairness rule, where the talks stand,
/// the proposals on the table and the agreement. It holds nothing private: the parties' preferences and secret
/// acceptances are kept apart (encrypted by the store) and only the ``RoomEngine`` reads them.
///
/// Every step takes the acting role and the server's time, checks that the role may take it and that the state
/// allows it, and throws ``RoomError`` otherwise (forbidden, conflict, not found, invalid).
public struct Room: Sendable {
    /// The room's id (random, unguessable).
    public var id: String
    /// The public scenario.
    public var skeleton: RoomSkeleton
    /// What the engine tells whom.
    public var disclosure: DisclosurePolicy
    /// How the engine picks a fair package.
    public var fairness: FairnessRule
    /// Where the talks stand.
    public var state: RoomState
    /// When the room was created.
    public var createdAt: Date
    /// The parties that have entered preferences.
    public var preferencesEntered: Set<String>
    /// Every proposal, in the order put.
    public var proposals: [RoomProposal]
    /// The agreement, once reached.
    public var agreement: RoomAgreement?
    /// The number of the latest text revision (0 before the first).
    public var textRevision: Int
    /// The stored revision of the room (for optimistic concurrency in the store).
    public var revision: Int

    /// A new open room.
    public init(
        id: String, skeleton: RoomSkeleton, disclosure: DisclosurePolicy, fairness: FairnessRule, createdAt: Date
    ) {
        self.id = id
        self.skeleton = skeleton
        self.disclosure = disclosure
        self.fairness = fairness
        state = .open
        self.createdAt = createdAt
        preferencesEntered = []
        proposals = []
        agreement = nil
        textRevision = 0
        revision = 0
    }

    /// Every party's id.
    public var partyIDs: [String] { skeleton.partyIDs }

    /// Whether every party has entered preferences.
    public var hasAllPreferences: Bool { partyIDs.allSatisfy(preferencesEntered.contains) }

    /// A proposal by id.
    public func proposal(_ id: String) throws(RoomError) -> RoomProposal {
        guard let proposal = proposals.first(where: { $0.id == id }) else {
            throw RoomError(.notFound, "there is no proposal '\(Echo.cut(id))' in this room")
        }
        return proposal
    }

    /// Records that a party entered (or revised) its preferences: only while the room is open, only by that party.
    public mutating func enterPreferences(by role: RoomRole) throws(RoomError) {
        guard let party = role.partyID else { throw RoomError(.forbidden, "only a party enters preferences") }
        guard state == .open else {
            throw RoomError(.conflict, "the room is \(state.rawValue): preferences can no longer change")
        }
        preferencesEntered.insert(party)
    }

    /// Locks the room (the mediator): preferences are then fixed and the talks start.
    public mutating func lock(by role: RoomRole) throws(RoomError) {
        guard role == .mediator else { throw RoomError(.forbidden, "only the mediator locks the room") }
        guard state == .open else { throw RoomError(.conflict, "the room is already \(state.rawValue)") }
        let missing = partyIDs.filter { !preferencesEntered.contains($0) }
        guard missing.isEmpty else {
            throw RoomError(
                .conflict,
                "the room cannot be locked before every party has entered preferences; waiting for "
                    + Echo.list(missing))
        }
        state = .locked
    }

    /// Checks that the talks run (the room is locked).
    public func requireTalks() throws(RoomError) {
        guard state == .locked else {
            throw RoomError(
                .conflict,
                state == .open ? "the room is open: the mediator must lock it first" : "the room is \(state.rawValue)")
        }
    }

    /// Puts a package on the table (the mediator or a party; a text only by the mediator).
    ///
    /// - Returns: the new proposal.
    public mutating func propose(
        _ outcome: Outcome, kind: RoomProposal.Kind = .proposal, expiresAt: Date?, by role: RoomRole, now: Date
    ) throws(RoomError) -> RoomProposal {
        switch (role, kind) {
        case (.observer, _): throw RoomError(.forbidden, "an observer cannot make proposals")
        case (.party, .text): throw RoomError(.forbidden, "only the mediator revises the negotiating text")
        case (_, .improvement): throw RoomError(.forbidden, "only the engine proposes an improvement")
        default: break
        }
        try requireTalks()
        if let expiresAt, expiresAt <= now {
            throw RoomError(.invalid, "expiresAt must lie in the future (server time)")
        }
        var proposal = RoomProposal(
            id: "p\(proposals.count + 1)", outcome: outcome, kind: kind, author: role.description, createdAt: now,
            expiresAt: expiresAt)
        if kind == .text {
            textRevision += 1
            proposal.revision = textRevision
            for index in proposals.indices where proposals[index].kind == .text { proposals[index].isClosed = true }
        }
        proposals.append(proposal)
        return proposal
    }
}
