/// An actor's most advantageous challenge in a turn and the bargain it proposed.
public struct SpatialChallenge: Sendable, Hashable {
    /// The challenging actor.
    public let initiator: Int
    /// The actor it targets.
    public let target: Int
    /// The initiator's estimate of its probability of winning.
    public let probability: Double
    /// The initiator's expected gain in utility over the status quo.
    public let expectedGain: Double
    /// The position the initiator's bargain asks it to adopt, on 0–100.
    public let initiatorPosition: [Double]
    /// The position the initiator's bargain asks the target to adopt, on 0–100.
    public let targetPosition: [Double]
}
