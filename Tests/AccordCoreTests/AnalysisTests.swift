import Testing

@testable import AccordCore

@Suite struct AnalysisTests {
    let analysis: ScenarioAnalysis

    init() throws {
        analysis = try Fixtures.twoByThree().analyze()
    }

    func index(_ scored: ScoredOutcome?) -> Int? {
        scored.map { analysis.scenario.space.index(of: $0.outcome) }
    }

    @Test func countsEveryOutcome() {
        #expect(analysis.outcomeCount == 6)
    }

    @Test func agreementZoneHoldsTheOutcomesEveryoneAccepts() {
        // x ≥ 0.4 and y ≥ 0.3: outcomes 1 (1.0, 0.4), 3 (0.75, 0.7) and 5 (0.5, 1.0). Listed by the smallest margin:
        // 3 (0.35) first; 1 and 5 tie at 0.1 (0.4 − 0.3 and 0.5 − 0.4 differ only by rounding noise), so the larger
        // Nash product goes first: 5 (0.1 · 0.7 = 0.07) before 1 (0.6 · 0.1 = 0.06).
        #expect(analysis.zone.count == 3)
        #expect(analysis.zone.outcomes.map { analysis.scenario.space.index(of: $0.outcome) } == [3, 5, 1])
    }

    @Test func frontierDropsDominatedOutcomes() {
        let frontier = analysis.frontier.map { analysis.scenario.space.index(of: $0.outcome) }
        #expect(frontier == [1, 3, 5])  // sorted by x's utility, descending
        #expect(abs(analysis.frontier[1].utilities[0] - 0.75) < 1e-12)
        #expect(abs(analysis.frontier[1].utilities[1] - 0.7) < 1e-12)
    }

    @Test func solutionsMatchHandComputation() {
        // Nash products (u − d): 0.6·0.1 = 0.06, 0.35·0.4 = 0.14, 0.1·0.7 = 0.07.
        #expect(index(analysis.solutions.nash) == 3)
        // Sums: 1.4, 1.45, 1.5.
        #expect(index(analysis.solutions.utilitarian) == 5)
        // min(u − d): 0.1, 0.35, 0.1.
        #expect(index(analysis.solutions.egalitarian) == 3)
        // KS with I = (1, 1): min(0.6/0.6, 0.1/0.7), min(0.35/0.6, 0.4/0.7), min(0.1/0.6, 0.7/0.7).
        #expect(index(analysis.solutions.kalaiSmorodinsky) == 3)
        // GENIUS KS: |x − y| on the frontier: 0.6, 0.05, 0.5.
        #expect(index(analysis.solutions.geniusKalaiSmorodinsky) == 3)
    }

    @Test func extremesAreEachPartysBestAndWorst() {
        #expect(index(analysis.extremes[0].ideal) == 1)
        #expect(index(analysis.extremes[0].worst) == 4)
        #expect(index(analysis.extremes[1].ideal) == 5)
        #expect(index(analysis.extremes[1].worst) == 0)
    }

    @Test func positionGapsWeighWhatEachGivesUp() throws {
        let onA = try #require(analysis.gaps.first { $0.issue == 0 })
        // x prefers a0, y prefers a2: ½[(0.5 − 0) + (0.6 − 0)] = 0.55; unweighted ½[1 + 1] = 1.
        #expect(onA.preferredA == 0 && onA.preferredB == 2)
        #expect(abs(onA.gap - 0.55) < 1e-12)
        #expect(abs((onA.distance ?? -1) - 1) < 1e-12)
        let onB = try #require(analysis.gaps.first { $0.issue == 1 })
        #expect(onB.gap == 0)
    }

    @Test func twoPartyScenariosHaveNoBlockingAnalysis() {
        #expect(analysis.blocking.isEmpty)
    }
}

@Suite struct EmptyZoneTests {
    @Test func emptyZoneHasNoZoneSolutionsButAClosestPackage() throws {
        let analysis = try Fixtures.twoByThree(reservations: (0.9, 0.9)).analyze()
        #expect(analysis.zone.count == 0)
        #expect(analysis.solutions.nash == nil)
        #expect(analysis.solutions.kalaiSmorodinsky == nil)
        #expect(analysis.solutions.utilitarian == nil)
        #expect(analysis.solutions.egalitarian == nil)
        // GENIUS's KS ignores reservation values.
        #expect(analysis.solutions.geniusKalaiSmorodinsky != nil)
        // Smallest margins: −0.5, −0.2, −0.4 on the frontier; (a1, b1) comes closest, 0.2 short.
        let closest = try #require(analysis.zone.closest)
        #expect(analysis.scenario.space.index(of: closest.outcome) == 3)
        #expect(abs((analysis.zone.closestMargin ?? 0) + 0.2) < 1e-12)
    }

    @Test func reservationAboveEveryUtilityIsAllowed() throws {
        let analysis = try Fixtures.twoByThree(reservations: (1.0, 1.0)).analyze()
        #expect(analysis.zone.isEmpty)
        #expect(analysis.frontier.count == 3)
    }
}

@Suite struct RedLineTests {
    /// x rejects the combination a2 with b1.
    let combination = RedLine(conditions: [.init(issue: 0, test: .levelIn([2])), .init(issue: 1, test: .levelIn([1]))])

    @Test func redLinesRemoveOutcomesFromZoneAndFrontier() throws {
        let analysis = try Fixtures.twoByThree(xRedLines: [combination]).analyze()
        let space = analysis.scenario.space
        #expect(analysis.zone.count == 2)
        // (a2, b0) = (0, 0.6) is dominated by (a1, b1) = (0.75, 0.7), so only two remain.
        #expect(analysis.frontier.map { space.index(of: $0.outcome) } == [1, 3])
        #expect(analysis.solutions.utilitarian.map { space.index(of: $0.outcome) } == 3)
    }

    @Test func combinationHoldsOnlyWhenAllConditionsHold() {
        let space = Fixtures.twoByThree().space
        #expect(combination.isCrossed(by: Fixtures.outcome(2, 1), in: space))
        #expect(!combination.isCrossed(by: Fixtures.outcome(2, 0), in: space))
        #expect(!combination.isCrossed(by: Fixtures.outcome(1, 1), in: space))
    }

    @Test func numericBoundsHoldOutsideTheInterval() {
        let issue = Issue(id: "cap", kind: .integer(lower: 400, upper: 900, step: 50))
        let condition = RedLine.Condition(issue: 0, test: .outside(min: 600, max: 800))
        let crossing = (0..<issue.levelCount).filter { condition.holds(atLevel: $0, of: issue) }
        #expect(crossing.map { Int(issue.number(atLevel: $0)) } == [400, 450, 500, 550, 850, 900])
    }

    @Test func idealRespectsThePartysOwnRedLines() throws {
        let forbidA0 = RedLine(conditions: [.init(issue: 0, test: .levelIn([0]))])
        let analysis = try Fixtures.twoByThree(xRedLines: [forbidA0]).analyze()
        // Without a0, x's best is (a1, b1) = 0.75.
        #expect(analysis.extremes[0].ideal.map { analysis.scenario.space.index(of: $0.outcome) } == 3)
    }
}

@Suite struct BlockingTests {
    @Test func aPartyThatAcceptsNothingBlocks() throws {
        let analysis = try Fixtures.withImpossibleThirdParty().analyze()
        #expect(analysis.zone.isEmpty)
        #expect(analysis.blocking.map(\.blocks) == [false, false, true])
        let z = analysis.blocking[2]
        #expect(z.zoneCountWithout == 3)
        // Without z, the Nash point of x and y is (a1, b1); z gets 0.2, 0.3 short of 0.5.
        #expect(z.packageWithout.map { analysis.scenario.space.index(of: $0.outcome) } == 3)
        #expect(abs((z.shortfall ?? 0) - 0.3) < 1e-12)
        #expect(analysis.blocking[0].zoneCountWithout == 0)
    }
}

@Suite struct ProposalTests {
    @Test func completeProposalIsJudgedByEveryParty() throws {
        var scenario = Fixtures.twoByThree()
        scenario.proposals = [Proposal(id: "p", levels: [0, 0])]
        let evaluation = try #require(try scenario.analyze().proposals.first)
        // (a0, b0) = (0.5, 0): x accepts (≥ 0.4), y rejects (< 0.3).
        #expect(evaluation.accepted == [true, false])
        #expect(abs(evaluation.margins[1] + 0.3) < 1e-12)
        #expect(evaluation.isComplete)
        #expect(evaluation.acceptableCompletionCount == 0)
    }

    @Test func partialProposalIsJudgedByItsBestCompletion() throws {
        let scenario = Fixtures.twoByThree()
        let evaluation = try scenario.evaluate(Proposal(id: "a1 only", levels: [1, nil]))
        #expect(!evaluation.isComplete)
        #expect(evaluation.openIssues == [1])
        #expect(evaluation.completionCount == 2)
        #expect(evaluation.acceptableCompletionCount == 1)
        #expect(evaluation.outcome == Fixtures.outcome(1, 1))
        #expect(evaluation.isAcceptedByAll)
        #expect(abs(evaluation.utilityRanges[0].lowerBound - 0.25) < 1e-12)
        #expect(abs(evaluation.utilityRanges[0].upperBound - 0.75) < 1e-12)
    }

    @Test func redLineIsReportedWhenCrossed() throws {
        let forbidA0 = RedLine(id: "no a0", conditions: [.init(issue: 0, test: .levelIn([0]))])
        let scenario = Fixtures.twoByThree(xRedLines: [forbidA0])
        let evaluation = try scenario.evaluate(Fixtures.outcome(0, 1))
        #expect(evaluation.crossedRedLines[0]?.id == "no a0")
        #expect(evaluation.accepted[0] == false)
    }
}

@Suite struct ExpiryTests {
    @Test func expiredOptionsLeaveTheAnalysis() throws {
        var scenario = Fixtures.twoByThree()
        var issues = scenario.issues
        issues[0] = Issue(
            id: "A",
            kind: .discrete([
                Option(id: "a0"), Option(id: "a1", availableUntil: .round(3)),
                Option(id: "a2", availableUntil: .date("2025-12-31")),
            ]))
        scenario.space = OutcomeSpace(issues: issues)
        #expect(try scenario.analyze(options: AnalysisOptions(round: 3)).outcomeCount == 6)
        let later = try scenario.analyze(options: AnalysisOptions(round: 4))
        #expect(later.outcomeCount == 4)
        #expect(later.frontier.allSatisfy { $0.outcome.levels[0] != 1 })
        let afterDate = try scenario.analyze(options: AnalysisOptions(date: "2026-01-01"))
        #expect(afterDate.outcomeCount == 4)
        #expect(afterDate.frontier.allSatisfy { $0.outcome.levels[0] != 2 })
    }

    @Test func proposalsWithAnExpiredOptionAreOffTheTable() throws {
        var scenario = Fixtures.twoByThree()
        var issues = scenario.issues
        issues[0] = Issue(
            id: "A", kind: .discrete([Option(id: "a0"), Option(id: "a1", availableUntil: .round(3)), Option(id: "a2")]))
        scenario.space = OutcomeSpace(issues: issues)
        let fixed = Proposal(id: "a1 b1", levels: [1, 1])
        #expect(try scenario.evaluate(fixed, options: AnalysisOptions(round: 3)).isAcceptedByAll)
        let late = try scenario.evaluate(fixed, options: AnalysisOptions(round: 4))
        #expect(late.expiredIssues == [0])
        #expect(!late.isAcceptedByAll)
        // An open issue is completed only with options still available: a1 is gone, so (a0, b1) or (a2, b1) win.
        let open = try scenario.evaluate(Proposal(id: "b1", levels: [nil, 1]), options: AnalysisOptions(round: 4))
        #expect(open.completionCount == 2)
        #expect(open.outcome.levels[0] != 1)
    }

    @Test func everyOptionExpiredIsAnError() {
        var scenario = Fixtures.twoByThree()
        var issues = scenario.issues
        issues[1] = Issue(id: "B", kind: .discrete([Option(id: "b0", availableUntil: .round(1))]))
        scenario.space = OutcomeSpace(issues: issues)
        #expect(throws: AnalysisError.emptySelection(issue: "B")) {
            try scenario.analyze(options: AnalysisOptions(round: 2))
        }
    }
}

@Suite struct LimitTests {
    @Test func additiveSpacesAboveTheLimitEvenAfterPruningAreAnalysedWithoutEnumeration() throws {
        // 3 outcomes remain after pruning, more than 2: the analysis goes without enumeration, and is exact.
        let full = try Fixtures.twoByThree().analyze()
        let large = try Fixtures.twoByThree().analyze(options: AnalysisOptions(maxOutcomes: 2))
        #expect(large.zone == full.zone && large.solutions == full.solutions && large.frontier == full.frontier)
        #expect(!large.isReduced)
        #expect(large.notes.contains { $0.contains("without enumeration") })
        // The sweep needs every outcome enumerated, which the limit of 2 forbids, whatever --sensitivity-limit says.
        #expect(large.skipped.sensitivity?.remedies.contains(LimitRemedy(option: "--max-outcomes", value: 6)) == true)
    }

    @Test func spacesTooLargeEvenWithoutEnumerationNameTheirOwnLimit() {
        // 30 issues of 10 options: each half of the issues holds 10^15 partial outcomes.
        let issues = (0..<30).map { i in Issue(id: "i\(i)", kind: .discrete((0..<10).map { Option(id: "o\($0)") })) }
        // Opposed parties: no option is dominated, so pruning removes nothing.
        let values = issues.map { _ in ValueFunction.table((0..<10).map { Double($0) / 9 }) }
        let opposed = issues.map { _ in ValueFunction.table((0..<10).map { 1 - Double($0) / 9 }) }
        let scenario = Scenario(
            name: "huge", issues: issues,
            parties: [
                Party(id: "a", utility: LinearAdditiveUtility(weights: issues.map { _ in 1 / 30 }, values: values)),
                Party(id: "b", utility: LinearAdditiveUtility(weights: issues.map { _ in 1 / 30 }, values: opposed)),
            ])
        let outcomes = Selection(all: scenario.space).approximateCount
        #expect(throws: AnalysisError.halfTooLarge(outcomes: outcomes, half: 1e15, limit: Scenario.zoneCountHalfLimit))
        {
            try scenario.analyze()
        }
        let message = AnalysisError.halfTooLarge(outcomes: 1e30, half: 1e15, limit: 10_000_000).description
        #expect(message.contains("10,000,000") && message.contains("--max-outcomes does not change it"))
    }

    @Test func spacesTooLargeAreRefusedWithTheirSize() {
        let message = AnalysisError.spaceTooLarge(outcomes: 6, afterPruning: 3, limit: 2).description
        #expect(message.contains("6 outcomes") && message.contains("still 3") && message.contains("limit of 2"))
    }

    @Test func spacesThatWouldFitAfterPruningStillGoWithoutEnumeration() throws {
        // Pruning b0 would leave 3 outcomes, within a limit of 5; 1–4 additive parties go without enumeration anyway,
        // which is exact (the pruned zone count would only be a lower bound).
        let full = try Fixtures.twoByThree().analyze()
        let large = try Fixtures.twoByThree().analyze(options: AnalysisOptions(maxOutcomes: 5))
        #expect(large.isWithoutEnumeration && !large.isReduced && large.analysedCount == 6)
        #expect(large.zone == full.zone && large.solutions == full.solutions && large.frontier == full.frontier)
        #expect(!large.notes.contains { $0.contains("dominated") })
    }

    @Test func prunedAnalysisKeepsTheExactFrontierAndSolutions() throws {
        // Five parties (beyond the analysis without enumeration): b0 gives every party less than b1, so above a limit
        // of 6 only the three outcomes with b1 are enumerated.
        let full = try Fixtures.twoByThreeWithFiveParties().analyze()
        let reduced = try Fixtures.twoByThreeWithFiveParties().analyze(options: AnalysisOptions(maxOutcomes: 5))
        #expect(!full.isReduced)
        #expect(reduced.isReduced)
        #expect(reduced.analysedCount == 3)
        #expect(reduced.outcomeCount == 6)
        #expect(reduced.frontier == full.frontier)
        #expect(reduced.solutions == full.solutions)
        #expect(reduced.extremes == full.extremes)
        #expect(reduced.zone.count == 3)  // here every zone outcome survives; in general a lower bound
    }
}
