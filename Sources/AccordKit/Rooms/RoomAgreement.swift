import Foundation

/// A room's agreement: the package every party accepted, how it was reached, and the agreement it improved on.
public struct RoomAgreement: Sendable, Hashable {
    /// How the agreement was reached.
    public enum Basis: String, Sendable, Hashable {
        /// Every party accepted a proposal.
        case proposal
        /// The parties' secret acceptances overlapped.
        case secretAcceptance = "secret-acceptance"
        /// Every party accepted the engine's post-settlement improvement.
        case improvement
    }

    /// The package agreed.
    public var outcome: Outcome
    /// How it was reached.
    public var basis: Basis
    /// The proposal accepted, when there was one.
    public var proposalID: String?
    /// When it was reached (server time).
    public var at: Date
    /// The package agreed before an improvement replaced it.
    public var previous: Outcome?

    /// Creates an agreement.
    public init(outcome: Outcome, basis: Basis, proposalID: String?, at: Date, previous: Outcome? = nil) {
        self.outcome = outcome
        self.basis = basis
        self.proposalID = proposalID
        self.at = at
        self.previous = previous
    }
}
