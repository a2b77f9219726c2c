/// KTAB's `VotingRule`: the vote of an actor of weight w whose utility difference between two options is Δu.
public enum VotingRule: String, Sendable, Hashable, CaseIterable {
    /// w · clamp(Δu / 10⁻⁸, −1, 1) (`Binary`).
    case binary
    /// w · (0.8 Δu + 0.2 binary) (`PropBin`).
    case proportionalBinary
    /// w · Δu (`Prop`, the default).
    case proportional
    /// w · (Δu + Δu³) / 2 (`PropCbc`).
    case proportionalCubic
    /// w · Δu³ (`Cubic`).
    case cubic
    /// w · Δu for losses, ⅔ w · Δu for gains (`ASymProsp`).
    case asymmetricProspect
}
