/// The offer an actor accepted in a round of the expected-utility model.
public struct ExpectedUtilityMove: Sendable, Hashable {
    /// The actor whose offer was accepted.
    public let rival: Int
    /// How the dyad stood, as the accepting actor saw it.
    public let kind: ExpectedUtilityOfferKind
    /// The position the accepting actor moved to, on 0–100.
    public let position: Double
    /// E^i(U_ij): the accepting actor i's expected utility of challenging the rival j.
    public let expectedUtility: Double
    /// E^i(U_ji): i's estimate of the rival's expected utility of challenging i.
    public let rivalExpectedUtility: Double
}
