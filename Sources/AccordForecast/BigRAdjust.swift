/// KTAB's `BigRAdjust`: actor h's estimate of actor i's risk attitude from their inferred attitudes r_h and r_i.
public enum BigRAdjust: String, Sendable, Hashable, CaseIterable {
    /// r_i (`FullRA`).
    case full
    /// (r_h + 2 r_i) / 3 (`TwoThirdsRA`).
    case twoThirds
    /// (r_h + r_i) / 2 (`HalfRA`).
    case half
    /// (2 r_h + r_i) / 3 (`OneThirdRA`, the default).
    case oneThird
    /// r_h (`NoRA`).
    case none
}
