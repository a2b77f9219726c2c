/// A party's preferences over outcomes: a utility in [0, 1] for every outcome of a space.
public protocol UtilityFunction: Sendable {
    /// The utility of an outcome, in [0, 1].
    func utility(of outcome: Outcome, in space: OutcomeSpace) -> Double

    /// Per-issue utility contributions, when the utility is additive: `table[issue][level]`, such that the
    /// utility of an outcome is the sum of the contributions of its levels.
    ///
    /// Analyses use these tables to enumerate outcomes without allocating and to prune the space.
    /// Non-additive utilities return `nil`.
    func contributionTable(in space: OutcomeSpace) -> [[Double]]?
}

extension UtilityFunction {
    /// No contribution table: the default for utilities that are not additive, which analyses then enumerate
    /// outcome by outcome.
    public func contributionTable(in space: OutcomeSpace) -> [[Double]]? { nil }
}
