import Testing

@testable import AccordCore

@Suite struct DistributionTests {
    @Test(arguments: [
        (Distribution.uniform(low: 0.2, high: 0.6), 0.4),
        (.triangular(low: 0.1, mode: 0.3, high: 0.8), 0.3),
        (.normal(mean: 0.5, sd: 0.1), 0.5),
    ])
    func nominalValues(distribution: Distribution, nominal: Double) {
        #expect(abs(distribution.nominal - nominal) < 1e-12)
    }

    @Test(arguments: [
        Distribution.uniform(low: 0.6, high: 0.2), .uniform(low: -0.1, high: 0.5),
        .triangular(low: 0.1, mode: 0.9, high: 0.5),
        .normal(mean: 1.5, sd: 0.1), .normal(mean: 0.5, sd: 0), .normal(mean: 0.5, sd: 2),
    ])
    func invalidParametersAreNamed(distribution: Distribution) {
        #expect(distribution.problem != nil)
    }

    @Test func samplesStayInsideTheSupportWithTheRightMean() {
        var generator = SeededGenerator(seed: 7)
        let cases: [(Distribution, Double)] = [
            (.uniform(low: 0.2, high: 0.6), 0.4),
            (.triangular(low: 0, mode: 0, high: 0.3), 0.1),  // mean (a + b + c) / 3
            (.normal(mean: 0.5, sd: 0.1), 0.5),
        ]
        for (distribution, mean) in cases {
            let draws = (0..<20_000).map { _ in distribution.sample(using: &generator) }
            #expect(draws.allSatisfy { (0...1).contains($0) })
            let average = draws.reduce(0, +) / Double(draws.count)
            #expect(abs(average - mean) < 0.005, "\(distribution): \(average)")
        }
    }

    @Test func sameSeedSameDraws() {
        var a = SeededGenerator(seed: 42, stream: 3)
        var b = SeededGenerator(seed: 42, stream: 3)
        var c = SeededGenerator(seed: 42, stream: 4)
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        #expect(first != (0..<5).map { _ in c.next() })
    }
}

@Suite struct ProbabilityTests {
    @Test func wilsonIntervalMatchesTheFormula() {
        // p̂ = 0.3, n = 100: centre 0.3074, half-width 0.0884 (Wilson, z = 1.96).
        let interval = Probability(successes: 30, trials: 100).interval
        #expect(abs(interval.lowerBound - 0.2189) < 1e-3)
        #expect(abs(interval.upperBound - 0.3958) < 1e-3)
        // At 0 successes the interval is [0, z²/(n + z²)].
        let zero = Probability(successes: 0, trials: 1000).interval
        #expect(zero.lowerBound == 0)
        #expect(abs(zero.upperBound - 3.8415 / 1003.8415) < 1e-6)
    }
}

@Suite struct AcceptanceTests {
    /// x's reservation is uniform on [0.5, 1.0]; the proposal (a1, b1) gives x 0.75, so x accepts it with
    /// probability (0.75 − 0.5) / 0.5 = 0.5 exactly.
    func scenario(reservation: Distribution) -> Scenario {
        var scenario = Fixtures.twoByThree()
        scenario.parties[0].uncertainty = PartyUncertainty(writtenWeights: [0.5, 0.5], reservation: reservation)
        scenario.parties[0].reservation = reservation.nominal
        scenario.proposals = [Proposal(id: "a1 b1", levels: [1, 1])]
        return scenario
    }

    @Test func singleUniformReservationMatchesItsClosedForm() async throws {
        let result = try await scenario(reservation: .uniform(low: 0.5, high: 1.0))
            .acceptance(options: AcceptanceOptions(samples: 40_000, seed: 3))
        let x = result.proposals[0].parties[0]
        #expect(abs(x.estimate - 0.5) < 0.01)
        #expect(x.interval.contains(0.5))
        // y is certain (reservation 0.3 < 0.7): always accepts.
        #expect(result.proposals[0].parties[1].estimate == 1)
        // The zone is non-empty unless x's reservation exceeds 1.0, x's best utility: always.
        #expect(result.zoneNonEmpty.estimate == 1)
    }

    @Test func zoneProbabilityMatchesItsClosedForm() async throws {
        // y needs u_y ≥ 0.3; x's reservation r ~ U[0.5, 1]. Zone outcomes: (a0,b1) (1.0, 0.4) and (a1,b1)
        // (0.75, 0.7) … the zone is non-empty iff some outcome with u_y ≥ 0.3 has u_x ≥ r: x reaches 1.0 with
        // (a0, b1), so always. With y's reservation at 0.8 instead, only (a2, b1) = (0.5, 1.0) is left for y, and
        // x accepts it only if r ≤ 0.5: probability 0.
        var tight = scenario(reservation: .uniform(low: 0.5, high: 1.0))
        tight.parties[1].reservation = 0.8
        let result = try await tight.acceptance(options: AcceptanceOptions(samples: 5_000, seed: 9))
        #expect(result.zoneNonEmpty.successes == 0)
        // With x's reservation uniform on [0.4, 0.6], it accepts (a2, b1) = 0.5 with probability 0.5.
        var half = scenario(reservation: .uniform(low: 0.4, high: 0.6))
        half.parties[1].reservation = 0.8
        let halfResult = try await half.acceptance(options: AcceptanceOptions(samples: 40_000, seed: 9))
        #expect(abs(halfResult.zoneNonEmpty.estimate - 0.5) < 0.01)
        #expect(halfResult.mostRobust.first?.outcome == Fixtures.outcome(2, 1))
        // Only (a2, b1) can ever be in the zone, so its probability is the zone's.
        #expect(halfResult.inZone.count == 1)
        #expect(halfResult.inZone.first?.probability == halfResult.zoneNonEmpty)
    }

    @Test func resultDoesNotDependOnParallelism() async throws {
        let subject = scenario(reservation: .triangular(low: 0.4, mode: 0.7, high: 0.9))
        let one = try await subject.acceptance(options: AcceptanceOptions(samples: 7_500, seed: 11, parallelism: 1))
        let four = try await subject.acceptance(options: AcceptanceOptions(samples: 7_500, seed: 11, parallelism: 4))
        #expect(one.proposals == four.proposals)
        #expect(one.zoneNonEmpty == four.zoneNonEmpty)
    }

    @Test func sampleCountOutsideTheLimitIsRefused() async {
        await #expect(throws: AnalysisError.invalidSampleCount(0, limit: AcceptanceOptions.maximumSamples)) {
            try await scenario(reservation: .uniform(low: 0.5, high: 1)).acceptance(
                options: AcceptanceOptions(samples: 0))
        }
    }

    @Test func uncertainWeightsAreRenormalisedPerDraw() {
        var party = Fixtures.twoByThree().parties[0]
        party.uncertainty = PartyUncertainty(writtenWeights: [0.5, 0.5], weights: [0: .uniform(low: 0.9, high: 0.9)])
        var generator = SeededGenerator(seed: 1)
        let drawn = party.sampled(using: &generator)
        let weights = (drawn.utility as! LinearAdditiveUtility).weights
        // Written weights 0.9 and 0.5, renormalised.
        #expect(abs(weights[0] - 0.9 / 1.4) < 1e-12)
        #expect(abs(weights[1] - 0.5 / 1.4) < 1e-12)
    }
}
