import Testing

@testable import AccordCore

/// The default Monte Carlo analysis tracks some packages only; it must agree with the full per-package count on
/// everything it reports.
@Suite struct TrackedAcceptanceTests {
    /// A random scenario whose first party's weights and reservation are uncertain, with one proposal.
    static func uncertain(seed: Int) -> Scenario {
        var scenario = Scenario.random(seed: seed, maxIssues: 4, maxOptions: 5)
        let weights = (scenario.parties[0].utility as! LinearAdditiveUtility).weights
        scenario.parties[0].uncertainty = PartyUncertainty(
            writtenWeights: weights,
            weights: [0: .uniform(low: max(0, weights[0] - 0.2), high: min(1, weights[0] + 0.2))],
            reservation: .uniform(
                low: max(0, scenario.parties[0].reservation - 0.2), high: min(1, scenario.parties[0].reservation + 0.1))
        )
        scenario.proposals = [Proposal(id: "first", levels: scenario.issues.map { _ in 0 })]
        return scenario
    }

    @Test(arguments: 0..<40)
    func withOnlyReservationsUncertainTheFrontierDecidesEmptinessAsTheFullScanDoes(seed: Int) async throws {
        // Every party's reservation uncertain, utilities fixed: emptiness is read off the frontier's candidates.
        var scenario = Scenario.randomAdditive(seed: seed, maxOutcomes: 3_000)
        for p in scenario.parties.indices {
            let d = scenario.parties[p].reservation
            let weights = (scenario.parties[p].utility as! LinearAdditiveUtility).weights
            scenario.parties[p].uncertainty = PartyUncertainty(
                writtenWeights: weights, reservation: .uniform(low: max(0, d - 0.3), high: min(1, d + 0.2)))
        }
        let every = try await scenario.acceptance(
            options: AcceptanceOptions(samples: 500, seed: 3, tracksEveryPackage: true))
        let frontier = try await scenario.acceptance(
            options: AcceptanceOptions(samples: 500, seed: 3, candidateCount: 0))
        #expect(frontier.zoneNonEmpty == every.zoneNonEmpty, "seed \(seed)")
    }

    @Test(arguments: 0..<12)
    func trackedPackagesHaveTheFullScansProbabilities(seed: Int) async throws {
        let scenario = Self.uncertain(seed: seed)
        let every = try await scenario.acceptance(
            options: AcceptanceOptions(samples: 2_000, seed: 5, tracksEveryPackage: true))
        let tracked = try await scenario.acceptance(
            options: AcceptanceOptions(samples: 2_000, seed: 5, candidateCount: 3))
        #expect(tracked.zoneNonEmpty == every.zoneNonEmpty)
        #expect(tracked.proposals == every.proposals)
        #expect(every.tracksEveryPackage && !tracked.tracksEveryPackage)
        let full = Dictionary(uniqueKeysWithValues: every.inZone.map { ($0.outcome, $0.probability) })
        for entry in tracked.inZone { #expect(full[entry.outcome] == entry.probability, "\(entry.outcome)") }
        // With room for every package, the tracked list is the full list, in the same order.
        let all = try await scenario.acceptance(
            options: AcceptanceOptions(samples: 2_000, seed: 5, candidateCount: 1_000))
        #expect(all.tracksEveryPossiblePackage)
        #expect(all.inZone.map(\.outcome) == every.inZone.map(\.outcome))
        #expect(all.inZone.map(\.probability) == every.inZone.map(\.probability))
    }

    @Test func candidatesAreTheLargestMarginsOfTheUncertainParty() async throws {
        // twoByThree: y (certain, reservation 0.3) accepts a0b1 (0.4), a1b1 (0.7), a2b0 (0.6), a2b1 (1.0); x's
        // nominal margins there (reservation 0.5) are 0.5, 0.25, −0.5, 0: the two best are a0b1 and a1b1.
        var scenario = Fixtures.twoByThree()
        scenario.parties[0].uncertainty = PartyUncertainty(
            writtenWeights: [0.5, 0.5], reservation: .uniform(low: 0.3, high: 0.7))
        scenario.parties[0].reservation = 0.5
        let result = try await scenario.acceptance(
            options: AcceptanceOptions(samples: 1_000, seed: 2, candidateCount: 2))
        #expect(result.candidateCount == 2)
        #expect(result.trackedPackageCount == 2)
        #expect(!result.tracksEveryPossiblePackage)
        #expect(Set(result.inZone.map(\.outcome)) == [Fixtures.outcome(0, 1), Fixtures.outcome(1, 1)])
        #expect(result.uncertainParties == [0])
    }

    @Test func verdictsNoDrawCanChangeAreMarkedCertain() async throws {
        // x's reservation is uncertain, but (a0, b1) crosses x's red line: x rejects it in every draw; y is certain.
        var scenario = Fixtures.twoByThree(xRedLines: [RedLine(conditions: [.init(issue: 0, test: .levelIn([0]))])])
        scenario.parties[0].uncertainty = PartyUncertainty(
            writtenWeights: [0.5, 0.5], reservation: .uniform(low: 0.3, high: 0.7))
        scenario.proposals = [Proposal(id: "a0 b1", levels: [0, 1]), Proposal(id: "a1 b1", levels: [1, 1])]
        let result = try await scenario.acceptance(options: AcceptanceOptions(samples: 1_000, seed: 2))
        #expect(result.proposals[0].isUncertain == [false, false])
        #expect(result.proposals[0].parties[0].successes == 0)
        #expect(result.proposals[1].isUncertain == [true, false])
    }
}

/// With weights and values uncertain too, a draw whose zone walk runs out of steps asks the draw's own frontier; the
/// probabilities are the full per-package scan's, draw for draw (same seed).
@Suite struct FrontierDrawTests {
    /// A random additive scenario whose parties' first weight, one option value and reservation are uncertain.
    static func uncertain(seed: Int) -> Scenario {
        var scenario = Scenario.randomAdditive(seed: seed, maxOutcomes: 3_000)
        for p in scenario.parties.indices where p != 1 || seed % 2 == 0 {
            let d = scenario.parties[p].reservation
            let weights = (scenario.parties[p].utility as! LinearAdditiveUtility).weights
            scenario.parties[p].uncertainty = PartyUncertainty(
                writtenWeights: weights,
                weights: [0: .uniform(low: max(0, weights[0] - 0.2), high: weights[0] + 0.2)],
                values: [.table(issue: scenario.issues.count - 1, option: 0): .uniform(low: 0, high: 1)],
                reservation: .uniform(low: max(0, d - 0.3), high: min(1, d + 0.2)))
        }
        scenario.proposals = [Proposal(id: "first", levels: scenario.issues.map { _ in 0 })]
        return scenario
    }

    @Test(arguments: 0..<30)
    func theDrawsFrontierDecidesEmptinessAsTheFullScanDoes(seed: Int) async throws {
        let scenario = Self.uncertain(seed: seed)
        let every = try await scenario.acceptance(
            options: AcceptanceOptions(samples: 300, seed: 7, tracksEveryPackage: true))
        var options = AcceptanceOptions(samples: 300, seed: 7, candidateCount: 0)
        options.walkBudget = 0
        let frontier = try await scenario.acceptance(options: options)
        #expect(frontier.zoneNonEmpty == every.zoneNonEmpty, "seed \(seed)")
        #expect(frontier.proposals == every.proposals, "seed \(seed)")
        // A budget the walk sometimes exhausts mixes both deciders draw by draw: still the same counts.
        options.walkBudget = 5
        let mixed = try await scenario.acceptance(options: options)
        #expect(mixed.zoneNonEmpty == every.zoneNonEmpty, "seed \(seed)")
    }
}
