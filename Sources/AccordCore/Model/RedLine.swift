/// A hard constraint of one party: outcomes that meet every condition of the red line are rejected,
/// whatever their utility.
///
/// A red line with one condition forbids options (or numbers outside a bound) on one issue; a red line with
/// several conditions forbids a combination, such as "ceding territory together with no guarantee".
public struct RedLine: Sendable, Hashable, Codable {
    /// An optional identifier, for reports.
    public var id: String?
    /// Why the party holds this line (documentation carried into reports).
    public var note: String?
    /// The conditions; the line is crossed when all of them hold.
    public var conditions: [Condition]

    /// One condition on one issue.
    public struct Condition: Sendable, Hashable, Codable {
        /// The position of the issue in the scenario's issue list.
        public var issue: Int
        /// When the condition holds.
        public var test: Test

        /// Creates a condition that applies `test` to the issue at position `issue`.
        public init(issue: Int, test: Test) {
            self.issue = issue
            self.test = test
        }
    }

    /// What a condition checks on its issue.
    public enum Test: Sendable, Hashable, Codable {
        /// Holds when the chosen level is one of these (option indices, or grid levels of a numeric issue).
        case levelIn(Set<Int>)
        /// Holds when the chosen level is not one of these.
        case levelNotIn(Set<Int>)
        /// Holds when the chosen number lies outside `[min, max]` (either end may be open).
        case outside(min: Double?, max: Double?)
    }

    /// Creates a red line that is crossed when every one of `conditions` holds.
    public init(id: String? = nil, note: String? = nil, conditions: [Condition]) {
        self.id = id
        self.note = note
        self.conditions = conditions
    }
}

extension RedLine.Condition {
    /// Whether the condition holds for a level of the given issue.
    public func holds(atLevel level: Int, of issue: Issue) -> Bool {
        switch test {
        case .levelIn(let levels):
            return levels.contains(level)
        case .levelNotIn(let levels):
            return !levels.contains(level)
        case .outside(let min, let max):
            let value = issue.number(atLevel: level)
            if let min, value < min - 1e-12 { return true }
            if let max, value > max + 1e-12 { return true }
            return false
        }
    }
}

extension RedLine {
    /// Whether an outcome crosses this red line.
    public func isCrossed(by outcome: Outcome, in space: OutcomeSpace) -> Bool {
        conditions.allSatisfy { $0.holds(atLevel: outcome.levels[$0.issue], of: space.issues[$0.issue]) }
    }

    /// A readable rendering such as `territory in {cede_donbas}`.
    public func describe(in space: OutcomeSpace) -> String {
        if let id { return id }
        return conditions.map { condition in
            let issue = space.issues[condition.issue]
            switch condition.test {
            case .levelIn(let levels):
                return "\(issue.id) = " + levels.sorted().map { issue.label(ofLevel: $0) }.joined(separator: "|")
            case .levelNotIn(let levels):
                return "\(issue.id) ≠ " + levels.sorted().map { issue.label(ofLevel: $0) }.joined(separator: "|")
            case .outside(let min, let max):
                switch (min, max) {
                case let (low?, high?): return "\(issue.id) outside [\(formatNumber(low)), \(formatNumber(high))]"
                case let (low?, nil): return "\(issue.id) < \(formatNumber(low))"
                case let (nil, high?): return "\(issue.id) > \(formatNumber(high))"
                case (nil, nil): return "\(issue.id) (no bound)"
                }
            }
        }.joined(separator: " and ")
    }
}
