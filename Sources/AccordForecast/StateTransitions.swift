/// KTAB's `StateTransMode`.
public enum StateTransitions: String, Sendable, Hashable, CaseIterable {
    /// Each actor adopts its most probable bargain; ties go to the first in its queue (the default).
    case deterministic
    /// Each actor draws its bargain from the bargains' probabilities, with the generator given to the run.
    case stochastic
}
