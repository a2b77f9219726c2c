import PropertyBased
import Testing

@testable import AccordCore

/// Everything that lives on the frontier, found without enumeration, against the enumerating analysis: the same
/// outcomes (lowest index on ties), the same values, on random spaces with ties, red lines and ε-edge reservations.
@Suite struct FrontierSearchTests {
    static func diagnostics(_ scenario: Scenario) throws -> FrontierDiagnostics {
        let tables = try AdditiveTables(scenario: scenario, selection: Selection(all: scenario.space))
        return try FrontierDiagnostics(scenario: scenario, tables: tables, candidateLimit: 50_000_000)
    }

    /// Compares every frontier-found result with the enumerating analysis's.
    static func expectAgreement(_ scenario: Scenario, seed: Int) throws {
        let analysis = try scenario.analyze(options: AnalysisOptions(sensitivityOutcomeLimit: 0))
        let frontier = try diagnostics(scenario)
        let solutions = frontier.solutions()
        let context = "seed \(seed), \(scenario.parties.count) parties, \(scenario.space.count ?? 0) outcomes"
        #expect(solutions.nash == analysis.solutions.nash, "Nash, \(context)")
        #expect(solutions.utilitarian == analysis.solutions.utilitarian, "utilitarian, \(context)")
        #expect(solutions.egalitarian == analysis.solutions.egalitarian, "egalitarian, \(context)")
        #expect(solutions.kalaiSmorodinsky == analysis.solutions.kalaiSmorodinsky, "KS, \(context)")
        let closest = frontier.closest()
        #expect(closest?.outcome == analysis.zone.closest, "closest, \(context)")
        #expect(closest?.margin == analysis.zone.closestMargin, "closest margin, \(context)")
        #expect(frontier.reservationThresholds() == analysis.reservationThresholds, "thresholds, \(context)")
        for p in scenario.parties.indices {
            #expect(try frontier.ideal(of: p) == analysis.extremes[p].ideal, "ideal of \(p), \(context)")
        }
        for coalition in analysis.coalitions {
            let found = try frontier.coalition(coalition.parties)
            #expect(found.count == coalition.zoneCount, "coalition \(coalition.parties) count, \(context)")
            #expect(found.nash == coalition.best, "coalition \(coalition.parties) Nash, \(context)")
        }
        // The whole analysis without enumeration: zone (count, list, closest), frontier, every section.
        let whole = try scenario.frontierAnalysis(
            available: Selection(all: scenario.space), options: AnalysisOptions(sensitivityOutcomeLimit: 0))
        #expect(whole.zone == analysis.zone, "zone, \(context)")
        #expect(whole.solutions == analysis.solutions, "solutions, \(context)")
        #expect(whole.frontier == analysis.frontier, "frontier, \(context)")
        #expect(whole.extremes == analysis.extremes, "extremes, \(context)")
        #expect(whole.blocking == analysis.blocking, "blocking, \(context)")
        #expect(whole.coalitions == analysis.coalitions, "coalitions, \(context)")
        #expect(whole.reservationThresholds == analysis.reservationThresholds, "thresholds, \(context)")
        #expect(whole.proposals == analysis.proposals && whole.gaps == analysis.gaps, "proposals, gaps, \(context)")
        for blocking in analysis.blocking {
            let others = scenario.parties.indices.filter { $0 != blocking.party }
            let found = try frontier.coalition(others)
            #expect(found.count == blocking.zoneCountWithout, "without \(blocking.party), \(context)")
            #expect(found.nash == blocking.packageWithout, "package without \(blocking.party), \(context)")
        }
    }

    @Test func twoPartySolutionsMatchEnumeration() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...1_000_000)) { seed in
            try Self.expectAgreement(
                Scenario.randomAdditive(seed: seed, maxOutcomes: 5_000, parties: 2...2), seed: seed)
        }
    }

    @Test func threeAndFourPartySolutionsMatchEnumeration() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...1_000_000)) { seed in
            try Self.expectAgreement(
                Scenario.randomAdditive(seed: seed, maxOutcomes: 3_000, parties: 3...4), seed: seed)
        }
    }

    @Test func solutionsMatchEnumerationOnLargerSpaces() async {
        await propertyCheck(count: 4, input: Gen.int(in: 0...1_000_000)) { seed in
            try Self.expectAgreement(
                Scenario.randomAdditive(seed: seed, maxOutcomes: 100_000, minOutcomes: 30_000), seed: seed)
        }
    }

    @Test func tiesOffTheFrontierGoToTheLowestIndex() throws {
        // Two issues; party a is indifferent on the first, so (0, 1) and (1, 1) have equal utilities and the frontier
        // keeps one per utility vector; party b prefers option 1 on the second issue. The egalitarian package is the
        // lowest index among the ties: (0, 1).
        let issues = (0..<2).map { i in Issue(id: "i\(i)", kind: .discrete([Option(id: "o0"), Option(id: "o1")])) }
        let scenario = Scenario(
            name: "ties", issues: issues,
            parties: [
                Party(
                    id: "a",
                    utility: LinearAdditiveUtility(weights: [0.5, 0.5], values: [.table([1, 1]), .table([0, 1])]),
                    reservation: 0.1),
                Party(
                    id: "b",
                    utility: LinearAdditiveUtility(weights: [0.5, 0.5], values: [.table([1, 1]), .table([0, 1])]),
                    reservation: 0.1),
            ])
        let solutions = try Self.diagnostics(scenario).solutions()
        #expect(solutions.egalitarian?.outcome.levels == [0, 1])
        #expect(solutions.nash?.outcome.levels == [0, 1])
        try Self.expectAgreement(scenario, seed: 0)
    }
}
