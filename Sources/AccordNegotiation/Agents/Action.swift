/// What a party may do on its turn in an offer-based mechanism.
public enum Action: Sendable, Hashable {
    /// Put an outcome (by index) on the table, replacing the current offer.
    case offer(Int)
    /// Accept the offer on the table.
    case accept
    /// Walk away: the negotiation ends without agreement.
    case end
}
