/// A package that improves on a proposal for everyone: Raiffa's post-settlement settlement.
public struct Improvement: Sendable, Hashable {
    /// The improving package, with every party's utility for it.
    public var package: ScoredOutcome
    /// Per party, utility at `package` minus utility at the proposal (all ≥ −ε, one > ε).
    public var gains: [Double]
    /// Σ gains.
    public var totalGain: Double { gains.reduce(0, +) }
}
