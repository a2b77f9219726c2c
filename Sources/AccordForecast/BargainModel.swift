/// KTAB's `SMPBargnModel`: which perspectives form the bargains put to the actors.
public enum BargainModel: String, Sendable, Hashable, CaseIterable {
    /// The initiator interpolates the bargain from its own estimate of its chances (`InitOnlyInterp`, the default).
    case initiatorOnly
    /// Both the initiator's and the target's interpolations are proposed (`InitRcvrInterp`).
    case initiatorAndReceiver
    /// One compromise of the two, weighted by capability × salience (`PWCompInterp`).
    case powerWeightedCompromise
}
