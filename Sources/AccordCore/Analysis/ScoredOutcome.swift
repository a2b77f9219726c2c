/// An outcome together with every party's utility for it (in party order).
public struct ScoredOutcome: Sendable, Hashable {
    /// The outcome: a level on every issue.
    public var outcome: Outcome
    /// Each party's utility for the outcome, in [0, 1], in party order.
    public var utilities: [Double]

    /// Creates a scored outcome from an outcome and its utilities in party order.
    public init(outcome: Outcome, utilities: [Double]) {
        self.outcome = outcome
        self.utilities = utilities
    }
}
