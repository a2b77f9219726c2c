/// A proposal judged by every party.
public struct ProposalEvaluation: Sendable, Hashable {
    /// The proposal's identifier.
    public var id: String
    /// Whether the proposal decides every issue.
    public var isComplete: Bool
    /// The outcome evaluated: the proposal itself, or for a partial proposal its best completion (the Nash point
    /// of the completions everyone accepts, else the completion closest to acceptance).
    public var outcome: Outcome
    /// Every party's utility for `outcome`.
    public var utilities: [Double]
    /// Utility minus reservation value, per party.
    public var margins: [Double]
    /// Whether each party accepts `outcome`.
    public var accepted: [Bool]
    /// The first red line of each party that `outcome` crosses.
    public var crossedRedLines: [RedLine?]
    /// The issues a partial proposal leaves open.
    public var openIssues: [Int]
    /// The decided issues whose option is no longer available at the analysed round or date: the proposal is
    /// off the table, whatever the parties think of it.
    public var expiredIssues: [Int]
    /// For a partial proposal, how many completions (choices on its open issues) exist; 1 for a complete one.
    public var completionCount: Int
    /// How many of those completions every party accepts (all of them, or none, for a complete proposal).
    public var acceptableCompletionCount: Int
    /// Each party's lowest and highest utility over the completions.
    public var utilityRanges: [ClosedRange<Double>]

    /// Whether every party accepts `outcome` and all of it is still on the table.
    public var isAcceptedByAll: Bool { expiredIssues.isEmpty && accepted.allSatisfy { $0 } }
}
