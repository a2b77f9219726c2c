import Testing

@testable import AccordCore

@Suite struct RestrictionTests {
    @Test func restrictingToOneIssueRenormalisesTheWeights() throws {
        // On B alone both parties weigh B fully: b0 is worth 0 to both, b1 is worth 1 to both.
        let restricted = try Fixtures.twoByThree().restricted(to: ["B"])
        #expect(restricted.issues.map(\.id) == ["B"])
        #expect(restricted.utilities(of: Outcome(levels: [1])) == [1, 1])
        #expect(restricted.utilities(of: Outcome(levels: [0])) == [0, 0])
        let analysis = try restricted.analyze()
        #expect(analysis.zone.count == 1)
        #expect(analysis.solutions.nash?.outcome == Outcome(levels: [1]))
    }

    @Test func redLinesOnDroppedIssuesAreSetAsideAndOthersMove() throws {
        let onB = RedLine(conditions: [.init(issue: 1, test: .levelIn([0]))])
        let onBoth = RedLine(conditions: [.init(issue: 0, test: .levelIn([2])), .init(issue: 1, test: .levelIn([1]))])
        let restricted = try Fixtures.twoByThree(xRedLines: [onB, onBoth]).restricted(to: ["B"])
        #expect(restricted.parties[0].redLines.count == 1)
        #expect(restricted.parties[0].redLines[0].conditions == [.init(issue: 0, test: .levelIn([0]))])
        #expect(restricted.notes.contains { $0.contains("set aside") })
    }

    @Test(arguments: [
        ([String](), RestrictionError.empty),
        (["C"], .unknownIssue("C", known: ["A", "B"])),
        (["A", "A"], .repeatedIssue("A")),
    ])
    func badIssueListsAreRefused(ids: [String], error: RestrictionError) {
        #expect(throws: error) { try Fixtures.twoByThree().restricted(to: ids) }
    }
}

@Suite struct RestrictionOfOtherUtilitiesTests {
    /// Only linear-additive utilities have per-issue parts: any other utility is refused, not silently kept whole.
    @Test func nonAdditiveUtilitiesAreRefused() throws {
        let issues = [
            AccordCore.Issue(id: "a", kind: .discrete([Option(id: "x"), Option(id: "y")])),
            AccordCore.Issue(id: "b", kind: .discrete([Option(id: "x"), Option(id: "y")])),
        ]
        let capped = CappedAdditiveUtility(
            weights: [0.8, 0.6], values: [.table([0, 1]), .table([1, 0])])
        let scenario = Scenario(name: "capped", issues: issues, parties: [Party(id: "p", utility: capped)])
        #expect(throws: RestrictionError.unsupportedUtility(party: "p")) { try scenario.restricted(to: ["a"]) }
    }
}
