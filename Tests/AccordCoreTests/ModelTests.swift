import Testing

@testable import AccordCore

@Suite struct ValueFunctionTests {
    let cap = Issue(id: "cap", kind: .integer(lower: 400, upper: 900, step: 50))

    func values(_ function: ValueFunction) -> [Double] {
        (0..<cap.levelCount).map { function.value(atLevel: $0, of: cap) }
    }

    @Test func piecewiseInterpolatesAndIsConstantBeyondTheEnds() {
        let function = ValueFunction.piecewise([.init(x: 500, value: 0), .init(x: 700, value: 1)])
        let v = values(function)
        #expect(v[0] == 0 && v[2] == 0)  // 400, 500
        #expect(abs(v[3] - 0.25) < 1e-12)  // 550
        #expect(v[6] == 1 && v[10] == 1)  // 700, 900
    }

    @Test func triangularPeaksAtItsTop() {
        let v = values(.triangular(low: 400, peak: 600, high: 900))
        #expect(v[0] == 0)
        #expect(abs(v[2] - 0.5) < 1e-12)  // 500
        #expect(v[4] == 1)  // 600
        #expect(abs(v[7] - 0.5) < 1e-12)  // 750
        #expect(v[10] == 0)
    }

    @Test func linearIsClamped() {
        let v = values(.linear(slope: 0.004, intercept: -2))  // 0 at 500, 1 at 750
        #expect(v[0] == 0 && v[2] == 0)
        #expect(abs(v[4] - 0.4) < 1e-12)
        #expect(v[8] == 1 && v[10] == 1)
    }

    @Test func attributeValuationIsAWeightedSumOverAttributes() {
        let valuation = AttributeValuation(terms: [
            .init(attribute: "legal_form", weight: 0.75, values: ["treaty": 1, "declaration": 0.2]),
            .init(attribute: "troops", weight: 0.25, values: ["none": 1]),
        ])
        let treaty = Option(
            id: "t", attributes: [.init(name: "legal_form", value: "treaty"), .init(name: "troops", value: "none")])
        let declaration = Option(id: "d", attributes: [.init(name: "legal_form", value: "declaration")])
        #expect(abs(valuation.value(of: treaty) - 1) < 1e-12)
        // Missing attribute scores 0: 0.75 · 0.2.
        #expect(abs(valuation.value(of: declaration) - 0.15) < 1e-12)
    }
}

@Suite struct IssueTests {
    @Test(arguments: [
        (Issue.Kind.integer(lower: 400, upper: 900, step: 50), 11),
        (.integer(lower: 0, upper: 10, step: 3), 4),
        (.real(lower: 0, upper: 1, step: 0.1), 11),
        (.real(lower: 0, upper: 1, step: 0.3), 5),
        (.discrete([Option(id: "a"), Option(id: "b")]), 2),
    ])
    func levelCounts(kind: Issue.Kind, expected: Int) {
        #expect(Issue(id: "i", kind: kind).levelCount == expected)
    }

    @Test func realRangesEndExactlyAtTheUpperBound() {
        let issue = Issue(id: "r", kind: .real(lower: 0, upper: 1, step: 0.3))
        #expect(issue.number(atLevel: 4) == 1)
        #expect(issue.level(ofNumber: 0.6) == 2)
        #expect(issue.level(ofNumber: 0.5) == nil)
    }

    @Test func levelsMatchLabelsAndNumbers() {
        let cap = Issue(id: "cap", kind: .integer(lower: 400, upper: 900, step: 50))
        #expect(cap.level(matching: "600") == 4)
        #expect(cap.level(matching: "610") == nil)
        #expect(cap.label(ofLevel: 4) == "600")
    }
}

@Suite struct OutcomeSpaceTests {
    @Test func mixedRadixIndexRoundTrips() {
        let space = Fixtures.twoByThree().space
        for index in 0..<6 {
            #expect(space.index(of: space.outcome(at: index)) == index)
        }
        #expect(space.outcome(at: 5) == Fixtures.outcome(2, 1))
    }

    @Test func hugeSpacesReportNoExactCount() {
        let issues = (0..<30).map { Issue(id: "i\($0)", kind: .integer(lower: 0, upper: 999, step: 1)) }
        let space = OutcomeSpace(issues: issues)
        #expect(space.count == nil)
        #expect(space.approximateCount > 1e89)
    }
}
