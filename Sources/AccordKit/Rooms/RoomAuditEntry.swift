import Foundation

/// One line of a room's append-only audit log: who did what, when — never a preference value nor a secret mark.
/// The same entries, filtered by ``event(for:)``, are the room's live events.
public struct RoomAuditEntry: Sendable, Hashable {
    /// The position in the room's log, from 1.
    public var sequence: Int
    /// When (server time).
    public var at: Date
    /// Who: `mediator`, `party:<id>`, `observer`, `engine`, `server`, or `party` when the log must not say which.
    public var actor: String
    /// What: `room.created`, `preferences.entered`, `room.locked`, `proposal.created`, `text.revised`,
    /// `response.recorded`, `proposal.lapsed`, `secret-acceptances.updated`, `agreement.declared`,
    /// `improvement.proposed`, `improvement.rejected`, `suggestion.made`, `credential.replaced`,
    /// `credential.revoked`.
    public var action: String
    /// What it concerns: a proposal id, a role, or nothing.
    public var subject: String?

    /// Creates an entry (the store gives it its sequence number).
    public init(sequence: Int = 0, at: Date, actor: String, action: String, subject: String? = nil) {
        self.sequence = sequence
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
    }

    /// The actions a party or an observer is told about as events.
    static let publicActions: Set<String> = [
        "room.created", "preferences.entered", "room.locked", "proposal.created", "text.revised",
        "response.recorded", "proposal.lapsed", "agreement.declared", "improvement.proposed",
        "improvement.rejected",
    ]

    /// The entry as the mediator's audit log lists it.
    public var json: JSONValue {
        .object([
            ("sequence", .int(sequence)), ("at", .string(Room.timestamp(at))), ("actor", .string(actor)),
            ("action", .string(action)), ("subject", subject.map(JSONValue.string) ?? .null),
        ])
    }

    /// The entry as an event for a role, or `nil` when the role is not told: the mediator is told everything in
    /// the log; a party and an observer only public steps, and not who responded (except the party itself).
    public func event(for role: RoomRole) -> JSONValue? {
        if role == .mediator { return json }
        guard Self.publicActions.contains(action) else { return nil }
        var shown = self
        if action == "response.recorded" && actor != role.description { shown.actor = "party" }
        return shown.json
    }
}
