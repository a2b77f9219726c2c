/// The quadrant of (E^i(U_ij), E^i(U_ji)) in which an actor i yields to a rival j.
public enum ExpectedUtilityOfferKind: String, Sendable, Hashable, CaseIterable {
    /// Both expect to gain from a challenge, and j expects more: i loses the conflict and adopts j's position.
    case conflict
    /// i expects to lose by challenging, j to gain more than i would lose: i moves towards j in proportion.
    case compromise
    /// i expects to lose by challenging at least as much as j expects to gain: i adopts j's position.
    case capitulation
}
