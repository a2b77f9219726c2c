/// KTAB's `VPModel`: the probability that a coalition of strength s₁ beats one of strength s₂ is
/// f(s₁) / (f(s₁) + f(s₂)).
public enum VictoryProbabilityModel: String, Sendable, Hashable, CaseIterable {
    /// f(s) = s (KTAB `Linear`, the default).
    case linear
    /// f(s) = s² (`Square`).
    case square
    /// f(s) = s⁴ (`Quartic`).
    case quartic
    /// f(s) = s⁸ (`Octic`).
    case octic
    /// A 10 % advantage wins for certain, with linear interpolation in between (`Binary`).
    case binary
}
