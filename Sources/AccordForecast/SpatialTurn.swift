/// What happened in one turn of a ``SpatialModel`` run.
public struct SpatialTurn: Sendable, Hashable {
    /// Each actor's challenge, or nil when it had no advantageous target.
    public let challenges: [SpatialChallenge?]
    /// The bargain each actor adopted, or nil when it kept its position.
    public let adoptedBargains: [BargainID?]

    /// Names a bargain by its two actors.
    public struct BargainID: Sendable, Hashable {
        /// The actor who proposed the bargain.
        public let initiator: Int
        /// The actor it was proposed to.
        public let receiver: Int
    }
}
