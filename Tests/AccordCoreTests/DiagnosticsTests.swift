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

/// A note that leaves something out quotes the numbers it compared and the option that raises the limit.
@Suite struct LimitNoteTests {
    @Test func diagnosticsOverTheWorkLimitQuoteOutcomesTimesCoalitionsAndParties() throws {
        // Three parties, 6 outcomes: 6 × 4 coalitions = 24 and 6 × 3 parties = 18 checks, both above 10.
        let notes = try Fixtures.withImpossibleThirdParty().analyze(options: AnalysisOptions(diagnosticsWorkLimit: 10))
            .notes
        #expect(
            notes.contains(
                "Coalitions were not analysed: 6 outcomes × 4 coalitions is more than the limit of 10 checks set by "
                    + "--diagnostics-limit."))
        #expect(
            notes.contains(
                "Reservation thresholds were not computed: 6 outcomes × 3 parties is more than the limit of 10 checks "
                    + "set by --diagnostics-limit."))
    }

    @Test func diagnosticsWithinTheWorkLimitRunAndLeaveNoNote() throws {
        // 6 × 4 = 24 and 6 × 3 = 18 checks: exactly within a limit of 24.
        let analysis = try Fixtures.withImpossibleThirdParty().analyze(
            options: AnalysisOptions(diagnosticsWorkLimit: 24))
        #expect(analysis.coalitions.count == 4)
        #expect(analysis.reservationThresholds.count == 3)
        #expect(!analysis.notes.contains { $0.hasPrefix("Coalitions") || $0.hasPrefix("Reservation thresholds") })
    }

    @Test func aReducedSpaceBlamesTheEnumerationLimitNotTheChecksOfTheRemainingOutcomes() throws {
        // Five parties, so pruned above the limit: the 6 outcomes are reduced to 3; 3 × 5 parties = 15 checks are
        // far within the diagnostics limit, so the thresholds are left out because they need the whole space.
        let analysis = try Fixtures.twoByThreeWithFiveParties().analyze(options: AnalysisOptions(maxOutcomes: 5))
        #expect(analysis.analysedCount == 3)
        #expect(analysis.reservationThresholds.isEmpty)
        #expect(
            analysis.notes.contains(
                "Reservation thresholds were not computed: they need all 6 outcomes, more than the enumeration limit "
                    + "of 5 set by --max-outcomes."))
        #expect(
            analysis.notes.contains(
                "The sensitivity sweep was not run: it needs all 6 outcomes, more than the enumeration limit of 5 set "
                    + "by --max-outcomes."))
        #expect(
            analysis.notes.contains {
                $0.hasPrefix(
                    "The space has 6 outcomes, more than the enumeration limit of 5 set by --max-outcomes; 3 remain")
            })
    }

    @Test func aReducedSpaceOverTheWorkLimitQuotesBothLimits() throws {
        // The thresholds would need 6 × 5 = 30 checks on the whole space, more than 4, and the whole space.
        let analysis = try Fixtures.twoByThreeWithFiveParties().analyze(
            options: AnalysisOptions(maxOutcomes: 5, diagnosticsWorkLimit: 4))
        #expect(
            analysis.notes.contains(
                "Reservation thresholds were not computed: 6 outcomes × 5 parties is more than the limit of 4 checks "
                    + "set by --diagnostics-limit; they need all 6 outcomes, more than the enumeration limit of 5 set "
                    + "by --max-outcomes."))
    }

    @Test func theSensitivitySweepQuotesTheSpaceAgainstItsLimit() throws {
        let skipped = try Fixtures.twoByThree().analyze(options: AnalysisOptions(sensitivityOutcomeLimit: 5))
        #expect(skipped.sensitivity.isEmpty)
        #expect(
            skipped.notes == [
                "The sensitivity sweep was not run: the space has 6 outcomes, more than its limit of 5 set by "
                    + "--sensitivity-limit."
            ])
        #expect(skipped.skipped.sensitivity?.remedies == [LimitRemedy(option: "--sensitivity-limit", value: 6)])
        let run = try Fixtures.twoByThree().analyze(options: AnalysisOptions(sensitivityOutcomeLimit: 6))
        #expect(!run.sensitivity.isEmpty)
        #expect(run.notes.isEmpty)
    }
}
