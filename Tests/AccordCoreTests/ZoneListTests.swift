import Testing

@testable import AccordCore

/// The zone list holds the best packages by a stated key, found exactly whatever the zone's size, and the whole zone
/// can be walked package by package.
@Suite struct ZoneListTests {
    /// Every zone package of an analysis by brute force, with its key, best first.
    static func bruteForceZone(_ scenario: Scenario) -> [(index: Int, margin: Double, nash: Double)] {
        let space = scenario.space
        var zone: [(index: Int, margin: Double, nash: Double)] = []
        for index in 0..<space.count! {
            let outcome = space.outcome(at: index)
            guard scenario.parties.allSatisfy({ $0.accepts(outcome, in: space) }) else { continue }
            let margins = scenario.parties.map { $0.utility.utility(of: outcome, in: space) - $0.reservation }
            zone.append((index, margins.min()!, margins.reduce(1) { $0 * max(0, $1) }))
        }
        return zone.sorted {
            let (a, b) = (ZoneRanking.marginKey($0.margin), ZoneRanking.marginKey($1.margin))
            if a != b { return a > b }
            if abs($0.nash - $1.nash) > 1e-12 { return $0.nash > $1.nash }
            return $0.index < $1.index
        }
    }

    @Test(arguments: 0..<40)
    func theListIsTheBestOfTheZoneByMarginThenNashThenIndex(seed: Int) throws {
        let scenario = Scenario.random(seed: seed, maxIssues: 4, maxOptions: 4)
        let expected = Self.bruteForceZone(scenario)
        for limit in [0, 1, 3, 1_000] {
            let analysis = try scenario.analyze(options: AnalysisOptions(zoneListLimit: limit))
            #expect(analysis.zone.count == expected.count)
            let listed = analysis.zone.outcomes.map { scenario.space.index(of: $0.outcome) }
            #expect(listed.count == min(limit, expected.count))
            let keys = listed.map { index in expected.first { $0.index == index }! }
            // The same keys as the brute force's best, position by position (Nash products compared to 1e-12, since
            // the engine's sums may round differently from the utility function's).
            for (got, want) in zip(keys, expected.prefix(limit)) {
                #expect(ZoneRanking.marginKey(got.margin) == ZoneRanking.marginKey(want.margin))
                #expect(abs(got.nash - want.nash) <= 1e-12)
            }
        }
    }

    @Test func aTieOnMarginAndNashProductKeepsTheLowerIndexFirst() throws {
        // Two parties that value nothing: every package has the same utilities, so every key ties.
        var scenario = Fixtures.twoByThree(reservations: (0, 0))
        for p in scenario.parties.indices {
            scenario.parties[p].utility = LinearAdditiveUtility(
                weights: [0.5, 0.5], values: [.table([0.5, 0.5, 0.5]), .table([0.5, 0.5])])
        }
        let analysis = try scenario.analyze(options: AnalysisOptions(zoneListLimit: 4))
        #expect(analysis.zone.count == 6)
        #expect(analysis.zone.outcomes.map { scenario.space.index(of: $0.outcome) } == [0, 1, 2, 3])
    }

    @Test(arguments: 0..<20)
    func walkingTheZoneGivesEveryPackageOnceInIndexOrder(seed: Int) throws {
        let scenario = Scenario.random(seed: seed)
        let analysis = try scenario.analyze()
        var walked: [Int] = []
        try analysis.forEachZonePackage { package in
            walked.append(scenario.space.index(of: package.outcome))
            let utilities = scenario.parties.map { $0.utility.utility(of: package.outcome, in: scenario.space) }
            #expect(zip(utilities, package.utilities).allSatisfy { abs($0 - $1) < 1e-9 })
        }
        #expect(walked == Self.bruteForceZone(scenario).map(\.index).sorted())
        #expect(walked.count == analysis.zone.count)
    }

    @Test func anErrorOfTheCallerStopsTheWalk() throws {
        struct Stop: Error {}
        let analysis = try Fixtures.twoByThree().analyze()
        var seen = 0
        #expect(throws: Stop.self) {
            try analysis.forEachZonePackage { _ in
                seen += 1
                throw Stop()
            }
        }
        #expect(seen == 1)
    }
}

/// A section left out says why and which limit, raised to what, would run it.
@Suite struct SkippedSectionTests {
    @Test func diagnosticsOverTheWorkLimitNameTheLimitThatRunsThem() throws {
        // 6 outcomes × 4 coalitions = 24 checks, 6 × 3 parties = 18.
        let analysis = try Fixtures.withImpossibleThirdParty().analyze(
            options: AnalysisOptions(diagnosticsWorkLimit: 10))
        let coalitions = try #require(analysis.skipped.coalitions)
        #expect(coalitions.remedies == [LimitRemedy(option: "--diagnostics-limit", value: 24)])
        #expect(analysis.notes.contains(coalitions.note))
        let thresholds = try #require(analysis.skipped.reservationThresholds)
        #expect(thresholds.remedies == [LimitRemedy(option: "--diagnostics-limit", value: 18)])
        #expect(
            thresholds.reason == "6 outcomes × 3 parties is more than the limit of 10 checks set by --diagnostics-limit"
        )
        // At the values named, they run.
        let run = try Fixtures.withImpossibleThirdParty().analyze(options: AnalysisOptions(diagnosticsWorkLimit: 24))
        #expect(run.skipped == SkippedSections())
        #expect(run.coalitions.count == 4)
    }

    @Test func aReducedSpaceNamesTheEnumerationLimit() throws {
        let analysis = try Fixtures.twoByThreeWithFiveParties().analyze(options: AnalysisOptions(maxOutcomes: 5))
        #expect(analysis.skipped.reservationThresholds?.remedies == [LimitRemedy(option: "--max-outcomes", value: 6)])
        #expect(analysis.skipped.sensitivity?.remedies == [LimitRemedy(option: "--max-outcomes", value: 6)])
        #expect(analysis.skipped.coalitions?.remedies.contains(LimitRemedy(option: "--max-outcomes", value: 6)) == true)
    }

    @Test func withoutEnumerationHonoursTheDiagnosticsLimitInItsOwnChecks() throws {
        // Three parties without enumeration (limit 5 < 6 outcomes): the halves hold 3 + 2 partial outcomes, so the
        // 4 coalitions cost 20 checks; the frontier's candidates × 3 parties cost the thresholds.
        let scenario = Fixtures.withImpossibleThirdParty()
        let within = try scenario.analyze(options: AnalysisOptions(maxOutcomes: 5, diagnosticsWorkLimit: 20))
        #expect(within.isWithoutEnumeration && within.coalitions.count == 4 && within.skipped.coalitions == nil)
        #expect(within.coalitions == (try scenario.analyze()).coalitions)
        let over = try scenario.analyze(options: AnalysisOptions(maxOutcomes: 5, diagnosticsWorkLimit: 19))
        #expect(over.coalitions.isEmpty)
        #expect(
            over.skipped.coalitions?.reason
                == "5 partial outcomes of the halves × 4 coalitions is more than the limit of 19 checks set by "
                + "--diagnostics-limit")
        #expect(over.skipped.coalitions?.remedies == [LimitRemedy(option: "--diagnostics-limit", value: 20)])
        #expect(over.notes.contains { $0.hasPrefix("Coalitions were not analysed: 5 partial outcomes") })
        let none = try scenario.analyze(options: AnalysisOptions(maxOutcomes: 5, diagnosticsWorkLimit: 0))
        #expect(none.reservationThresholds.isEmpty && none.skipped.reservationThresholds != nil)
        #expect(within.reservationThresholds == (try scenario.analyze()).reservationThresholds)
    }

    @Test func moreThanTenPartiesLeaveCoalitionsOutWithNoRemedy() throws {
        var scenario = Fixtures.twoByThree(reservations: (0, 0))
        let party = scenario.parties[0]
        scenario.parties = (0..<11).map { p in
            var copy = party
            copy.id = "p\(p)"
            copy.name = "P\(p)"
            return copy
        }
        let analysis = try scenario.analyze(options: AnalysisOptions(sensitivityOutcomeLimit: 0))
        let coalitions = try #require(analysis.skipped.coalitions)
        #expect(coalitions.remedies.isEmpty)
        #expect(
            coalitions.reason == "with 11 parties there are 2,036 coalitions; they are analysed for at most 10 parties")
        #expect(analysis.notes.contains("Coalitions were not analysed: \(coalitions.reason)."))
    }
}

/// The most robust packages tie often (every package of a certain zone is in it in every draw): the Nash product at
/// the nominal values orders the ties, not the outcome index.
@Suite struct RobustListTests {
    @Test func tiesAtTheSameProbabilityGoByTheNashProduct() async throws {
        // No uncertain number: packages 1, 3 and 5 are in the zone in every draw. Nash products 0.06, 0.14, 0.07.
        let scenario = Fixtures.twoByThree()
        let acceptance = try await scenario.acceptance(options: AcceptanceOptions(samples: 20))
        #expect(acceptance.mostRobust.map { scenario.space.index(of: $0.outcome) } == [3, 5, 1])
        #expect(acceptance.mostRobust.allSatisfy { $0.probability.estimate == 1 })
    }
}
