import AccordCore

/// The model's issue, not Swift Testing's `Issue`.
typealias Issue = AccordCore.Issue

/// Small, named scenarios whose answers are computed by hand in the tests.
enum Fixtures {
    /// Two issues (A: a0 a1 a2, B: b0 b1), two parties.
    ///
    /// | outcome | index | x    | y   |
    /// |---------|-------|------|-----|
    /// | a0 b0   | 0     | 0.50 | 0.0 |
    /// | a0 b1   | 1     | 1.00 | 0.4 |
    /// | a1 b0   | 2     | 0.25 | 0.3 |
    /// | a1 b1   | 3     | 0.75 | 0.7 |
    /// | a2 b0   | 4     | 0.00 | 0.6 |
    /// | a2 b1   | 5     | 0.50 | 1.0 |
    static func twoByThree(reservations: (Double, Double) = (0.4, 0.3), xRedLines: [RedLine] = []) -> Scenario {
        let issues = [
            Issue(id: "A", kind: .discrete([Option(id: "a0"), Option(id: "a1"), Option(id: "a2")])),
            Issue(id: "B", kind: .discrete([Option(id: "b0"), Option(id: "b1")])),
        ]
        let x = Party(
            id: "x",
            utility: LinearAdditiveUtility(weights: [0.5, 0.5], values: [.table([1, 0.5, 0]), .table([0, 1])]),
            reservation: reservations.0, redLines: xRedLines)
        let y = Party(
            id: "y",
            utility: LinearAdditiveUtility(weights: [0.6, 0.4], values: [.table([0, 0.5, 1]), .table([0, 1])]),
            reservation: reservations.1)
        return Scenario(name: "two by three", issues: issues, parties: [x, y])
    }

    /// ``twoByThree`` with three more copies of `y` (`y2`, `y3`, `y4`): five parties, more than the analysis without
    /// enumeration takes, so above the enumeration limit it prunes dominated options (b0 is dominated for everyone).
    static func twoByThreeWithFiveParties() -> Scenario {
        var scenario = twoByThree()
        for copy in 2...4 {
            var party = scenario.parties[1]
            party.id = "y\(copy)"
            scenario.parties.append(party)
        }
        return scenario
    }

    /// ``twoByThree`` plus a third party `z` whose utility is 0.2 everywhere and whose reservation is 0.5,
    /// so it accepts nothing and blocks every agreement.
    static func withImpossibleThirdParty() -> Scenario {
        var scenario = twoByThree()
        let z = Party(
            id: "z",
            utility: LinearAdditiveUtility(weights: [1, 0], values: [.table([0.2, 0.2, 0.2]), .table([0, 0])]),
            reservation: 0.5)
        scenario.parties.append(z)
        return scenario
    }

    static func outcome(_ levels: Int...) -> Outcome { Outcome(levels: levels) }
}

extension Scenario {
    /// A random scenario: 2–4 parties, 1–4 issues of 1–4 options, values on a coarse grid (so ties and exact
    /// equalities occur), random reservations, and sometimes red lines.
    static func random(seed: Int, maxIssues: Int = 4, maxOptions: Int = 4, grid: Int = 4) -> Scenario {
        var rng = SplitMix64(seed: UInt64(seed))
        let issueCount = Int.random(in: 1...maxIssues, using: &rng)
        let issues = (0..<issueCount).map { i in
            Issue(
                id: "i\(i)",
                kind: .discrete((0..<Int.random(in: 1...maxOptions, using: &rng)).map { Option(id: "o\($0)") }))
        }
        let partyCount = Int.random(in: 2...4, using: &rng)
        let parties = (0..<partyCount).map { p -> Party in
            let raw = issues.map { _ in Double(Int.random(in: 0...4, using: &rng)) }
            let total = raw.reduce(0, +)
            let weights = total == 0 ? issues.map { _ in 1 / Double(issues.count) } : raw.map { $0 / total }
            let values = issues.map { issue in
                ValueFunction.table(
                    issue.options.map { _ in Double(Int.random(in: 0...grid, using: &rng)) / Double(grid) })
            }
            var redLines: [RedLine] = []
            if Int.random(in: 0...2, using: &rng) == 0 {
                let issue = Int.random(in: 0..<issues.count, using: &rng)
                let level = Int.random(in: 0..<issues[issue].levelCount, using: &rng)
                redLines.append(RedLine(conditions: [.init(issue: issue, test: .levelIn([level]))]))
            }
            return Party(
                id: "p\(p)", utility: LinearAdditiveUtility(weights: weights, values: values),
                reservation: Double(Int.random(in: 0...6, using: &rng)) / 10, redLines: redLines)
        }
        return Scenario(name: "random \(seed)", issues: issues, parties: parties)
    }
}
