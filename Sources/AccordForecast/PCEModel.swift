/// KTAB's `PCEModel`: from pairwise victory probabilities to the probability that each option prevails.
public enum PCEModel: String, Sendable, Hashable, CaseIterable {
    /// The probability that an option beats every other, conditioned on some option doing so
    /// (`ConditionalPCM`, the default).
    case conditional
    /// A Markov process where challenges arise in proportion to the incentive to challenge (`MarkovIPCM`).
    case markovIncentive
    /// A Markov process where every challenge is equally likely (`MarkovUPCM`).
    case markovUniform
}
