/// A linear additive utility with a ceiling: `u(x) = min(cap, Σ_i w_i · v_i(x_i))`, the weights used as written.
///
/// GENIUS evaluates its linear-additive profiles this way: it never renormalises the weights, and it cuts a total
/// above 1 down to 1. Some published profiles have weights summing to more than 1 (ANAC 2011 Laptop: 1.00005;
/// ANAC 2016 JapanTrip: 1.1), so for them the ceiling changes the utility of the best outcomes.
///
/// Whether the utility is additive depends on the weights: when even the best level of every issue together stays
/// at or below `cap` (``largestTotal(in:)`` ≤ `cap`), the ceiling never binds, and ``contributionTable(in:)``
/// returns the ordinary additive table. Otherwise the utility is not additive (two outcomes above the ceiling tie
/// at `cap`), and the table is `nil`, which analyses that need additive tables refuse.
public struct CappedAdditiveUtility: UtilityFunction, Hashable, Codable {
    /// The additive sum before the ceiling: weights as written, one value function per issue.
    public var uncapped: LinearAdditiveUtility
    /// The ceiling (1 in GENIUS).
    public var cap: Double

    /// - Parameters:
    ///   - weights: one weight per issue, in issue order, used as written (not normalised).
    ///   - values: one value function per issue, in issue order.
    ///   - cap: the ceiling of the total.
    public init(weights: [Double], values: [ValueFunction], cap: Double = 1) {
        uncapped = LinearAdditiveUtility(weights: weights, values: values)
        self.cap = cap
    }

    /// The weighted sum of the outcome's values, cut at ``cap``.
    public func utility(of outcome: Outcome, in space: OutcomeSpace) -> Double {
        min(cap, uncapped.utility(of: outcome, in: space))
    }

    /// The largest total the sum can reach before the ceiling: the best weighted value of every issue, added in
    /// issue order (the order every utility is summed in, so no outcome's sum exceeds it).
    ///
    /// - Complexity: O(total number of levels).
    public func largestTotal(in space: OutcomeSpace) -> Double {
        var total = 0.0
        for row in uncapped.contributionTable(in: space) ?? [] { total += row.max() ?? 0 }
        return total
    }

    /// Whether the ceiling changes the utility of some outcome of the space.
    public func capBinds(in space: OutcomeSpace) -> Bool {
        largestTotal(in: space) > cap
    }

    /// The additive contributions when the ceiling never binds (then the utility is exactly their sum), else `nil`.
    public func contributionTable(in space: OutcomeSpace) -> [[Double]]? {
        capBinds(in: space) ? nil : uncapped.contributionTable(in: space)
    }
}
