/// A party's reply to a mediator's draft in the single-negotiating-text mechanism.
public enum DraftReply: Sendable, Hashable {
    /// The party accepts the draft as it stands.
    case accept
    /// The party rejects the draft and names the issue it most wants changed (`nil`: no single change helps).
    case object(issue: Int?)
}
