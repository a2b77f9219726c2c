/// An outcome together with every party's utility for it (in party order).
public struct ScoredOutcome: Sendable, Hashable {
    public var outcome: Outcome
    public var utilities: [Double]

    public init(outcome: Outcome, utilities: [Double]) {
        self.outcome = outcome
        self.utilities = utilities
    }
}
