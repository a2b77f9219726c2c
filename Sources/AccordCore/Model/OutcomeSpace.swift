/// The set of all outcomes of a list of issues, with a mixed-radix index for every outcome.
///
/// The first issue is the most significant digit, so outcome indices order outcomes lexicographically by
/// level; "lowest outcome index" tie-breaks therefore prefer earlier options of earlier issues.
public struct OutcomeSpace: Sendable, Hashable {
    /// The issues, in scenario order.
    public let issues: [Issue]
    /// The number of levels of each issue.
    public let radices: [Int]
    /// The number of outcomes, or `nil` when it exceeds `Int.max`.
    public let count: Int?

    /// Creates the space of every combination of the issues' levels; ``count`` is `nil` when that number
    /// overflows `Int`.
    public init(issues: [Issue]) {
        self.issues = issues
        radices = issues.map(\.levelCount)
        var total: Int? = 1
        for radix in radices {
            if let current = total {
                let (product, overflow) = current.multipliedReportingOverflow(by: radix)
                total = overflow ? nil : product
            }
        }
        count = total
    }

    /// The number of outcomes as a real number, usable even when it overflows `Int`.
    public var approximateCount: Double {
        radices.reduce(1.0) { $0 * Double($1) }
    }

    /// The position of an issue by its identifier.
    public func issueIndex(of id: String) -> Int? {
        issues.firstIndex { $0.id == id }
    }

    /// The mixed-radix index of an outcome.
    ///
    /// - Precondition: the space is enumerable (`count != nil`).
    public func index(of outcome: Outcome) -> Int {
        var index = 0
        for (level, radix) in zip(outcome.levels, radices) {
            index = index * radix + level
        }
        return index
    }

    /// The outcome at a mixed-radix index.
    public func outcome(at index: Int) -> Outcome {
        var levels = [Int](repeating: 0, count: radices.count)
        var rest = index
        for position in stride(from: radices.count - 1, through: 0, by: -1) {
            levels[position] = rest % radices[position]
            rest /= radices[position]
        }
        return Outcome(levels: levels)
    }

    /// The outcome as `issue=label` pairs, in issue order.
    public func labels(of outcome: Outcome) -> [(issue: String, level: String)] {
        zip(issues, outcome.levels).map { ($0.id, $0.label(ofLevel: $1)) }
    }

    /// A compact, readable rendering such as `guarantee=article5_like, army_cap=600`.
    public func describe(_ outcome: Outcome) -> String {
        labels(of: outcome).map { "\($0.issue)=\($0.level)" }.joined(separator: ", ")
    }
}
