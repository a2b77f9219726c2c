import Foundation

/// A party's answer to a proposal: accept, or reject with objections on named issues.
public struct RoomResponse: Sendable, Hashable {
    /// The party's id.
    public var party: String
    /// Whether it accepts.
    public var accept: Bool
    /// The ids of the issues it objects to.
    public var objections: [String]
    /// When it answered (server time).
    public var at: Date

    /// Creates a response.
    public init(party: String, accept: Bool, objections: [String], at: Date) {
        self.party = party
        self.accept = accept
        self.objections = objections
        self.at = at
    }
}
