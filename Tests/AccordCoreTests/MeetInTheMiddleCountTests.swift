import PropertyBased
import Testing

@testable import AccordCore

/// The agreement zone counted without enumeration, against the enumerating path, outcome for outcome.
@Suite struct MeetInTheMiddleCountTests {
    /// The enumerating path's acceptance test on every outcome, nothing pruned.
    struct PredicateCount: OutcomeVisitor {
        let tables: AdditiveTables
        let members: [Int]
        var count = 0

        func shouldDescend(depth: Int, prefix: UnsafeBufferPointer<Double>) -> Bool { true }

        mutating func visit(utilities: UnsafeBufferPointer<Double>, mask: UInt64, digits: UnsafeBufferPointer<Int>) {
            for p in members {
                if mask != 0 && tables.crossesRedLine(p, mask: mask) { return }
                if !(utilities[p] - tables.reservations[p] >= -utilityTolerance) { return }
            }
            count += 1
        }
    }

    static func tables(_ scenario: Scenario) throws -> AdditiveTables {
        try AdditiveTables(scenario: scenario, selection: Selection(all: scenario.space))
    }

    static func counted(_ tables: AdditiveTables, members: [Int]) throws -> Int {
        try MeetInTheMiddleCount(tables: tables, halfLimit: 10_000_000).count(members: members)
    }

    static func enumerated(_ tables: AdditiveTables, members: [Int]) -> Int {
        var visitor = PredicateCount(tables: tables, members: members)
        OutcomeWalker(tables: tables).walk(&visitor)
        return visitor.count
    }

    @Test func dominanceCountMatchesBruteForce() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...1_000_000)) { seed in
            var rng = SplitMix64(seed: UInt64(seed))
            let dimensions = Int.random(in: 1...4, using: &rng)
            // Narrow ranges (ties), and wide ones (the compressed and comparison-sorted paths of the sweep).
            let bound = [Int.random(in: 1...6, using: &rng), 1_000, 100_000][Int.random(in: 0...2, using: &rng)]
            let random = { (count: Int, rng: inout SplitMix64) in
                (0..<(count * dimensions)).map { _ in Int32(Int.random(in: 0..<bound, using: &rng)) }
            }
            let points = random(Int.random(in: 0...80, using: &rng), &rng)
            let queries = random(Int.random(in: 0...80, using: &rng), &rng)
            var truth = 0
            for p in stride(from: 0, to: points.count, by: dimensions) {
                for q in stride(from: 0, to: queries.count, by: dimensions)
                where (0..<dimensions).allSatisfy({ points[p + $0] >= queries[q + $0] }) {
                    truth += 1
                }
            }
            let counted = DominanceCount.count(points: points, queries: queries, dimensions: dimensions, bound: bound)
            #expect(counted == truth, "seed \(seed), \(dimensions) coordinates")
            // The dense table, and the grouped entry point (queries split in two groups), count the same.
            let bounds = Array(repeating: bound, count: dimensions)
            if bound <= 6 {
                let dense = DominanceCount.dense(points: points, queryGroups: [queries], bounds: bounds)
                #expect(dense == truth, "seed \(seed), dense, \(dimensions) coordinates")
            }
            let cut = queries.count / dimensions / 2 * dimensions
            let grouped = DominanceCount.count(
                points: points, queryGroups: [Array(queries[..<cut]), Array(queries[cut...])], bounds: bounds)
            #expect(grouped == truth, "seed \(seed), grouped, \(dimensions) coordinates")
        }
    }

    @Test func zoneCountsMatchEnumerationOnRandomSpaces() async {
        await propertyCheck(count: 400, input: Gen.int(in: 0...1_000_000)) { seed in
            let scenario = Scenario.randomAdditive(seed: seed, maxOutcomes: 20_000)
            let tables = try Self.tables(scenario)
            let everyone = Array(scenario.parties.indices)
            let counted = try Self.counted(tables, members: everyone)
            #expect(counted == Self.enumerated(tables, members: everyone), "seed \(seed)")
            // The analysis' own (pruned) zone scan agrees too.
            var scan = ZoneScan(tables: tables, listLimit: 0)
            OutcomeWalker(tables: tables).walk(&scan)
            #expect(counted == scan.zoneCount, "seed \(seed)")
        }
    }

    @Test func coalitionCountsMatchEnumeration() async {
        await propertyCheck(count: 150, input: Gen.int(in: 0...1_000_000)) { seed in
            let scenario = Scenario.randomAdditive(seed: seed, maxOutcomes: 5_000, parties: 3...4)
            let tables = try Self.tables(scenario)
            let parties = scenario.parties.count
            for mask in 1..<(1 << parties) where mask.nonzeroBitCount >= 2 {
                let members = (0..<parties).filter { mask & (1 << $0) != 0 }
                #expect(
                    try Self.counted(tables, members: members) == Self.enumerated(tables, members: members),
                    "seed \(seed), coalition \(members)")
            }
        }
    }

    @Test func zoneCountsMatchEnumerationOnLargeSpaces() async {
        await propertyCheck(count: 8, input: Gen.int(in: 0...1_000_000)) { seed in
            let scenario = Scenario.randomAdditive(seed: seed, maxOutcomes: 1_000_000, minOutcomes: 200_000)
            let tables = try Self.tables(scenario)
            let everyone = Array(scenario.parties.indices)
            #expect(try Self.counted(tables, members: everyone) == Self.enumerated(tables, members: everyone))
        }
    }

    @Test func zoneCountsMatchEnumerationUpToTenMillionOutcomes() async {
        await propertyCheck(count: 3, input: Gen.int(in: 0...1_000_000)) { seed in
            let scenario = Scenario.randomAdditive(seed: seed, maxOutcomes: 10_000_000, minOutcomes: 2_000_000)
            let tables = try Self.tables(scenario)
            var scan = ZoneScan(tables: tables, listLimit: 0)
            OutcomeWalker(tables: tables).walk(&scan)
            #expect(
                try Self.counted(tables, members: Array(scenario.parties.indices)) == scan.zoneCount, "seed \(seed)")
        }
    }

    @Test func reservationsOnTheToleranceEdgeAreCountedAsTheEnumerationCountsThem() throws {
        // Contributions whose sums round differently in different orders: (0.1 + 0.2) + 0.3 is 0.6000000000000001,
        // 0.1 + (0.2 + 0.3) is 0.6. The reservation sits ε above one outcome's utility, so that outcome's margin is
        // −ε up to the last bit: only the enumerating path's own arithmetic decides, and the count must follow it.
        let issues = (0..<4).map { i in
            Issue(id: "i\(i)", kind: .discrete((0..<3).map { Option(id: "o\($0)") }))
        }
        let values: [ValueFunction] = [
            .table([0.1, 0.2, 0.3]), .table([0.2, 0.3, 0.1]), .table([0.3, 0.1, 0.2]),
            .table([0.7, 0.1, 0.4]),
        ]
        let opposed: [ValueFunction] = [
            .table([0.3, 0.2, 0.1]), .table([0.1, 0.3, 0.2]), .table([0.2, 0.1, 0.3]),
            .table([0.1, 0.4, 0.7]),
        ]
        for target in 0..<81 {
            for nudge in [-1.0, 0, 1] {
                var scenario = Scenario(
                    name: "edge", issues: issues,
                    parties: [
                        Party(id: "a", utility: LinearAdditiveUtility(weights: [1, 1, 1, 1], values: values)),
                        Party(id: "b", utility: LinearAdditiveUtility(weights: [1, 1, 1, 1], values: opposed)),
                    ])
                let tables = try Self.tables(scenario)
                let digits = scenario.space.outcome(at: target).levels
                let u = tables.utilities(digits)
                scenario.parties[0].reservation = u[0] + utilityTolerance + nudge * u[0].ulp
                scenario.parties[1].reservation = u[1] + utilityTolerance - nudge * u[1].ulp
                let edge = try Self.tables(scenario)
                #expect(
                    try Self.counted(edge, members: [0, 1]) == Self.enumerated(edge, members: [0, 1]),
                    "outcome \(target), nudge \(nudge)")
            }
        }
    }

    @Test func thePublicCountIsTheAnalysisCountForTheZoneAndEveryCoalition() async {
        await propertyCheck(count: 100, input: Gen.int(in: 0...1_000_000)) { seed in
            let scenario = Scenario.randomAdditive(seed: seed, maxOutcomes: 3_000)
            let analysis = try scenario.analyze()
            #expect(try scenario.agreementZoneCount() == analysis.zone.count, "seed \(seed)")
            for coalition in analysis.coalitions {
                #expect(
                    try scenario.agreementZoneCount(members: coalition.parties) == coalition.zoneCount,
                    "seed \(seed), coalition \(coalition.parties)")
            }
        }
    }

    @Test func theSplitBalancesTheHalves() {
        #expect(MeetInTheMiddleCount.split([10, 10, 10, 10, 10, 10, 10, 10, 10]) == 4)
        #expect(MeetInTheMiddleCount.split([1000, 2, 2, 2]) == 1)
        #expect(MeetInTheMiddleCount.split([]) == 0)
    }
}

extension Scenario {
    /// A random additive scenario for the counting tests: issues of 1–8 options added while the space stays within
    /// `maxOutcomes` (and until it reaches `minOutcomes`, when it can); 2–4 parties with values on a coarse grid
    /// (ties) or fine, sometimes opposed to the first party's; reservations on a grid or on the ε-edge of some
    /// outcome; red lines of one or two conditions.
    static func randomAdditive(
        seed: Int, maxOutcomes: Int, minOutcomes: Int = 1, parties partyRange: ClosedRange<Int> = 2...4
    ) -> Scenario {
        var rng = SplitMix64(seed: UInt64(seed))
        var radices: [Int] = []
        let wanted = Int.random(in: 1...12, using: &rng)
        var size = 1
        while radices.count < wanted || size < minOutcomes {
            let radix = Int.random(in: 1...8, using: &rng)
            if size * radix > maxOutcomes { break }
            radices.append(radix)
            size *= radix
        }
        if radices.isEmpty { radices = [1] }
        let issues = radices.enumerated().map { i, radix in
            Issue(id: "i\(i)", kind: .discrete((0..<radix).map { Option(id: "o\($0)") }))
        }
        let coarse = Bool.random(using: &rng)
        let draw = { (rng: inout SplitMix64) in
            coarse ? Double(Int.random(in: 0...4, using: &rng)) / 4 : Double.random(in: 0...1, using: &rng)
        }
        var tables: [[[Double]]] = []
        var weights: [[Double]] = []
        for p in 0..<Int.random(in: partyRange, using: &rng) {
            let raw = issues.map { _ in Double(Int.random(in: 0...3, using: &rng)) }
            let total = raw.reduce(0, +)
            weights.append(total == 0 ? issues.map { _ in 1 / Double(issues.count) } : raw.map { $0 / total })
            let opposed = p > 0 && Int.random(in: 0...2, using: &rng) == 0
            tables.append(
                issues.indices.map { i in
                    radices[i] == 0
                        ? []
                        : (0..<radices[i]).map { k in
                            opposed ? 1 - tables[0][i][k] : draw(&rng)
                        }
                })
        }
        var parties = tables.indices.map { p in
            Party(
                id: "p\(p)",
                utility: LinearAdditiveUtility(weights: weights[p], values: tables[p].map { .table($0) }),
                reservation: Double(Int.random(in: 0...7, using: &rng)) / 10,
                redLines: Int.random(in: 0...2, using: &rng) == 0 ? [Self.randomRedLine(radices, using: &rng)] : [])
        }
        if Int.random(in: 0...2, using: &rng) == 0 {
            // Reservations on the tolerance edge of one outcome: its margins are −ε up to the last bit.
            let levels = radices.map { Int.random(in: 0..<$0, using: &rng) }
            for p in parties.indices {
                var u = 0.0
                for (i, k) in levels.enumerated() { u += weights[p][i] * tables[p][i][k] }
                parties[p].reservation = u + utilityTolerance
            }
        }
        return Scenario(name: "random additive \(seed)", issues: issues, parties: parties)
    }

    private static func randomRedLine(_ radices: [Int], using rng: inout SplitMix64) -> RedLine {
        let conditions = (0..<Int.random(in: 1...2, using: &rng)).map { _ in
            let issue = Int.random(in: 0..<radices.count, using: &rng)
            return RedLine.Condition(issue: issue, test: .levelIn([Int.random(in: 0..<radices[issue], using: &rng)]))
        }
        return RedLine(conditions: conditions)
    }
}
