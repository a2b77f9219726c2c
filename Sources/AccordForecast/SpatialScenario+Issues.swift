import AccordCore

extension SpatialScenario {
    /// The spatial-model scenario of a negotiation scenario's issues: each issue becomes a 0–100 dimension and
    /// each party an actor.
    ///
    /// - An issue's levels are placed on 0–100 by ``axisPositions(of:)``: options evenly in their listed order,
    ///   numeric levels linearly from the lowest to the highest.
    /// - A party's **position** on a dimension is the axis position of its favourite level of the issue (the
    ///   level its value function rates highest, the first in the issue's order on ties, within 10⁻⁹).
    /// - Its **salience** is 100 × its weight on the issue (weights sum to 1, so saliences sum to at most 100).
    /// - Its **capability** is its ``Party/clout`` (1 unless the scenario gives `clout`).
    /// - A party with weight 0 on every chosen issue cannot move the outcome and is left out (the description says
    ///   so). Reservation values, red lines and expiry are not used.
    ///
    /// - Parameters:
    ///   - scenario: a negotiation scenario whose parties have additive preferences (weights and value functions).
    ///   - issues: the ids of the issues to forecast, at least one, each at most once.
    /// - Throws: ``IssueAxisError`` for an unknown or repeated issue, an issue with a single level, a party whose
    ///   preferences are not additive, or fewer than 3 parties left.
    /// - Complexity: O(parties × levels of the chosen issues).
    public init(_ scenario: Scenario, issues ids: [String]) throws(IssueAxisError) {
        let space = scenario.space
        guard !ids.isEmpty else { throw .noIssue }
        var indices: [Int] = []
        for id in ids {
            guard let index = space.issueIndex(of: id) else {
                throw .unknownIssue(id: id, available: space.issues.map(\.id))
            }
            guard !indices.contains(index) else { throw .repeatedIssue(id: id) }
            guard space.issues[index].levelCount >= 2 else { throw .singleLevel(issue: id) }
            indices.append(index)
        }
        let axes = indices.map { Self.axisPositions(of: space.issues[$0]) }

        var actors: [SpatialActor] = []
        var leftOut: [String] = []
        for party in scenario.parties {
            guard let utility = party.utility as? LinearAdditiveUtility else { throw .notAdditive(party: party.id) }
            var saliences = indices.map { 100 * utility.weights[$0] }
            guard saliences.contains(where: { $0 > 0 }) else {
                leftOut.append(party.name)
                continue
            }
            Self.capAtHundred(&saliences)
            let positions = zip(indices, axes).map { index, axis in
                let issue = space.issues[index]
                let values = (0..<issue.levelCount).map { utility.values[index].value(atLevel: $0, of: issue) }
                var favourite = 0
                for level in values.indices where values[level] > values[favourite] + utilityTolerance {
                    favourite = level
                }
                return axis[favourite]
            }
            actors.append(
                SpatialActor(
                    name: party.name, description: party.id, capability: party.clout, positions: positions,
                    saliences: saliences))
        }
        guard actors.count >= 3 else {
            throw .tooFewParties(count: actors.count, issues: ids, leftOut: leftOut)
        }
        var description =
            "Issue " + indices.map { Self.axisDescription(of: space.issues[$0]) }.joined(separator: "; issue ")
        description +=
            "; each party at its favourite level, salience 100 × its weight on the issue, capability its clout"
        if !leftOut.isEmpty {
            description += "; left out (no weight on the issue\(ids.count == 1 ? "" : "s")): "
            description += leftOut.joined(separator: ", ")
        }
        self.init(
            name: scenario.name, description: description, dimensions: indices.map { space.issues[$0].name },
            actors: actors)
    }

    /// The position on 0–100 of each level of an issue: options evenly spaced in their listed order
    /// (level i of n at 100 i/(n − 1)); numeric levels linearly, the lowest at 0 and the highest at 100.
    ///
    /// - Precondition: the issue has at least two levels.
    public static func axisPositions(of issue: Issue) -> [Double] {
        let last = issue.levelCount - 1
        precondition(last >= 1, "an issue with a single level has no axis")
        if issue.isNumeric {
            let low = issue.number(atLevel: 0)
            let high = issue.number(atLevel: last)
            return (0...last).map { 100 * (issue.number(atLevel: $0) - low) / (high - low) }
        }
        return (0...last).map { 100 * Double($0) / Double(last) }
    }

    /// One sentence part saying where an issue's levels lie on the axis.
    static func axisDescription(of issue: Issue) -> String {
        let axis = axisPositions(of: issue)
        let last = issue.levelCount - 1
        if issue.isNumeric {
            return
                "\(issue.id) on 0–100: \(issue.label(ofLevel: 0)) at 0 to \(issue.label(ofLevel: last)) at 100, linearly"
        }
        let levels = (0...last).map { "\(issue.label(ofLevel: $0)) \(oneDecimal(axis[$0]))" }
        return "\(issue.id) on 0–100: " + levels.joined(separator: ", ")
    }

    /// A number with at most one decimal, without a trailing `.0`.
    static func oneDecimal(_ value: Double) -> String {
        guard abs(value) < 1e15 else { return value.isNaN ? "nan" : "\(value)" }
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(abs(tenths % 10))"
    }

    /// Lowers the largest salience by the rounding excess when 100 × weights sums just above 100.
    static func capAtHundred(_ saliences: inout [Double]) {
        guard let largest = saliences.indices.max(by: { saliences[$0] < saliences[$1] }) else { return }
        let total = saliences.reduce(0, +)
        if total > 100 { saliences[largest] -= total - 100 }
        while saliences.reduce(0, +) > 100 { saliences[largest] = saliences[largest].nextDown }
    }
}

extension SpatialScenario {
    /// The scales that map the dimensions of ``init(_:issues:)`` back to the issues' own units, in the same order.
    ///
    /// - Throws: ``IssueAxisError`` for an unknown issue or one with a single level, as ``init(_:issues:)``.
    public static func issueScales(of scenario: Scenario, issues ids: [String]) throws(IssueAxisError) -> [IssueScale] {
        let space = scenario.space
        return try ids.map { id throws(IssueAxisError) in
            guard let index = space.issueIndex(of: id) else {
                throw .unknownIssue(id: id, available: space.issues.map(\.id))
            }
            guard space.issues[index].levelCount >= 2 else { throw .singleLevel(issue: id) }
            return IssueScale(space.issues[index])
        }
    }
}
