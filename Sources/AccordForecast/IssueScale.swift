import AccordCore

/// How a forecast dimension built from a scenario's issue maps back from the model's 0–100 scale to the issue:
/// linearly onto the range of a numeric issue, or to the nearest option of an issue of options.
///
/// It inverts ``SpatialScenario/axisPositions(of:)``: a numeric issue's lowest number sits at 0 and its highest at
/// 100; option i of n sits at 100 i/(n − 1).
public struct IssueScale: Sendable, Equatable {
    /// The issue's id.
    public var issue: String
    /// The unit of a numeric issue (`thousand troops`), when the scenario gives one.
    public var unit: String?
    /// The issue's lowest and highest numbers, for a numeric issue; `nil` for an issue of options.
    public var range: ClosedRange<Double>?
    /// Whether the numeric issue takes whole numbers only.
    public var isInteger: Bool
    /// The levels' labels (option ids, or numbers) and their positions on 0–100, in the issue's order.
    public var levels: [(label: String, position: Double)]

    /// The scale of an issue with at least two levels.
    public init(_ issue: Issue) {
        let axis = SpatialScenario.axisPositions(of: issue)
        self.issue = issue.id
        unit = issue.unit
        range = issue.isNumeric ? issue.number(atLevel: 0)...issue.number(atLevel: issue.levelCount - 1) : nil
        if case .integer = issue.kind { isInteger = true } else { isInteger = false }
        levels = axis.indices.map { (issue.label(ofLevel: $0), axis[$0]) }
    }

    /// The number in the issue's units at a position on 0–100; `nil` for an issue of options.
    public func value(at position: Double) -> Double? {
        range.map { $0.lowerBound + position / 100 * ($0.upperBound - $0.lowerBound) }
    }

    /// The level nearest a position on 0–100 (the first on ties): its label and its own position.
    public func nearestLevel(to position: Double) -> (label: String, position: Double) {
        var best = levels[0]
        for level in levels.dropFirst() where abs(level.position - position) < abs(best.position - position) {
            best = level
        }
        return best
    }

    public static func == (a: IssueScale, b: IssueScale) -> Bool {
        a.issue == b.issue && a.unit == b.unit && a.range == b.range && a.isInteger == b.isInteger
            && a.levels.map(\.label) == b.levels.map(\.label) && a.levels.map(\.position) == b.levels.map(\.position)
    }
}
