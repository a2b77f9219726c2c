import Foundation

/// A package on a room's table: put by the mediator or a party, a revision of the single negotiating text, or the
/// engine's post-settlement improvement; with an optional expiry that the server enforces.
public struct RoomProposal: Sendable, Hashable {
    /// What put the proposal on the table.
    public enum Kind: String, Sendable, Hashable {
        /// A proposal by the mediator or a party.
        case proposal
        /// A revision of the single negotiating text (by the mediator); a new revision supersedes the last.
        case text
        /// The engine's post-settlement improvement, put to a second unanimous vote.
        case improvement
    }

    /// Where the proposal stands at a given time.
    public enum Status: String, Sendable, Hashable {
        /// Open for responses.
        case open
        /// Its expiry passed before every party accepted; it can no longer be accepted.
        case lapsed
        /// Every party accepted it.
        case accepted
        /// A later text revision, an agreement or a rejected improvement closed it.
        case superseded
    }

    /// The id within the room: `p1`, `p2`, ….
    public var id: String
    /// The package.
    public var outcome: Outcome
    /// What put it on the table.
    public var kind: Kind
    /// Who put it: `mediator`, `party:<id>` or `engine`.
    public var author: String
    /// When it was put (server time).
    public var createdAt: Date
    /// When it lapses, if it does.
    public var expiresAt: Date?
    /// The text revision number, for a text.
    public var revision: Int?
    /// The latest response of each party that answered.
    public var responses: [RoomResponse]
    /// Whether it was closed without agreement (superseded).
    public var isClosed: Bool

    /// Creates an open proposal without responses.
    public init(
        id: String, outcome: Outcome, kind: Kind, author: String, createdAt: Date, expiresAt: Date?,
        revision: Int? = nil
    ) {
        self.id = id
        self.outcome = outcome
        self.kind = kind
        self.author = author
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revision = revision
        responses = []
        isClosed = false
    }

    /// Whether every party of the list accepted it.
    public func isAccepted(by parties: [String]) -> Bool {
        parties.allSatisfy { party in responses.contains { $0.party == party && $0.accept } }
    }

    /// The status at a time, for a room with these parties.
    public func status(at now: Date, parties: [String]) -> Status {
        if isAccepted(by: parties) { return .accepted }
        if isClosed { return .superseded }
        if let expiresAt, now >= expiresAt { return .lapsed }
        return .open
    }
}
