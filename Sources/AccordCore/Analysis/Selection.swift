/// A sub-space of an outcome space: for each issue, the levels still allowed.
///
/// Analyses run on a selection: the whole space, the completions of a partial proposal, or the options still
/// on the table at a given round or date.
public struct Selection: Sendable, Hashable {
    /// Allowed levels per issue, ascending.
    public var levels: [[Int]]

    /// Every level of every issue.
    public init(all space: OutcomeSpace) {
        levels = space.radices.map { Array(0..<$0) }
    }

    /// Creates a selection from the allowed levels of each issue (sorted ascending here).
    public init(levels: [[Int]]) {
        self.levels = levels.map { $0.sorted() }
    }

    /// The completions of a partial assignment: fixed issues keep their level, open issues keep every level.
    public init(completing assignment: [Int?], in space: OutcomeSpace) {
        levels = zip(assignment, space.radices).map { fixed, radix in fixed.map { [$0] } ?? Array(0..<radix) }
    }

    /// The options still available at a round or on a date (options whose `available_until` has passed are removed).
    public static func available(in space: OutcomeSpace, round: Int? = nil, date: String? = nil) -> Selection {
        Selection(
            levels: space.issues.map { issue in
                guard case .discrete(let options) = issue.kind else { return Array(0..<issue.levelCount) }
                return options.indices.filter { index in
                    guard let expiry = options[index].availableUntil else { return true }
                    if let round, !expiry.isAvailable(inRound: round) { return false }
                    if let date, !expiry.isAvailable(onDate: date) { return false }
                    return true
                }
            })
    }

    /// The number of outcomes in the selection, or `nil` when it exceeds `Int.max`.
    public var count: Int? {
        var total = 1
        for list in levels {
            let (product, overflow) = total.multipliedReportingOverflow(by: list.count)
            if overflow { return nil }
            total = product
        }
        return total
    }

    /// The number of outcomes as a real number.
    public var approximateCount: Double {
        levels.reduce(1.0) { $0 * Double($1.count) }
    }
}
