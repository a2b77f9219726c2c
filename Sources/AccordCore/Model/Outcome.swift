/// One agreement: a choice (level index) on every issue of an outcome space.
public struct Outcome: Sendable, Hashable, Codable, Comparable {
    /// The chosen level on each issue, in the order of the space's issues.
    public var levels: [Int]

    /// Creates an outcome from its level on each issue, in the order of the space's issues.
    public init(levels: [Int]) {
        self.levels = levels
    }

    public static func < (lhs: Outcome, rhs: Outcome) -> Bool {
        lhs.levels.lexicographicallyPrecedes(rhs.levels)
    }
}
