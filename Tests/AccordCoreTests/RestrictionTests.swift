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
