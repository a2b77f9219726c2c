/// KTAB's `InterVecBrgn`: how a bargain between initiator i and target j is interpolated on each dimension.
public enum BargainInterpolation: String, Sendable, Hashable, CaseIterable {
    /// Weights salience · probability (`S1P1`).
    case s1p1
    /// Weights (salience · probability)² (`S2P2`, the default).
    case s2p2
    /// The weaker side concedes in proportion to its probability deficit, weighted by squared saliences (`S2PMax`).
    case s2pMax
}
