import Testing

@testable import AccordCore

@Suite struct ReservationThresholdTests {
    @Test func thresholdIsTheBestAPartyGetsFromWhatTheOthersAccept() throws {
        // y accepts outcomes with u_y ≥ 0.3, the best of which gives x 1.0; x accepts u_x ≥ 0.4, best for y 1.0.
        let thresholds = try Fixtures.twoByThree().reservationThresholds()
        #expect(thresholds.map(\.threshold) == [1.0, 1.0])
        #expect(abs((thresholds[0].slack ?? 0) - 0.6) < 1e-12)
    }

    @Test func aBlockingPartysThresholdSaysHowFarItMustMove() throws {
        // z gets 0.2 everywhere; x and y both accept three outcomes, so z's threshold is 0.2 (0.3 below its 0.5),
        // and no reservation of x or y opens a zone while z accepts nothing.
        let thresholds = try Fixtures.withImpossibleThirdParty().reservationThresholds()
        #expect(thresholds[0].threshold == nil)
        #expect(thresholds[1].threshold == nil)
        #expect(abs((thresholds[2].threshold ?? 0) - 0.2) < 1e-12)
        #expect(abs((thresholds[2].slack ?? 0) + 0.3) < 1e-12)
    }

    @Test func zoneOpensExactlyAtTheThreshold() throws {
        let scenario = Fixtures.withImpossibleThirdParty()
        let threshold = try #require(try scenario.reservationThresholds()[2].threshold)
        var at = scenario
        at.parties[2].reservation = threshold
        #expect(try at.analyze().zone.count > 0)
        var above = scenario
        above.parties[2].reservation = threshold + 0.001
        #expect(try above.analyze().zone.isEmpty)
    }
}

@Suite struct PostSettlementTests {
    @Test func improvementsAreTheFrontierPackagesThatDominateTheProposal() throws {
        let analysis = try Fixtures.twoByThree().analyze()
        // (a1, b0) = (0.25, 0.3) is dominated by all three frontier packages; gains total 0.85, 0.9 and 0.95.
        let improvements = analysis.improvements(on: Fixtures.outcome(1, 0))
        #expect(improvements.map { analysis.scenario.space.index(of: $0.package.outcome) } == [5, 3, 1])
        #expect(abs(improvements[0].gains[0] - 0.25) < 1e-12 && abs(improvements[0].gains[1] - 0.7) < 1e-12)
    }

    @Test func anEfficientProposalHasNoImprovement() throws {
        let analysis = try Fixtures.twoByThree().analyze()
        #expect(analysis.improvements(on: Fixtures.outcome(1, 1)).isEmpty)
    }
}
