import AccordCore
import AccordForecast
import AccordFormats
import Testing

@Suite struct IssueScaleTests {
    let scenario: Scenario

    init() throws { scenario = try ScenarioLoader.parse(mappingScenario) }

    @Test func aNumericIssueMapsBackLinearlyOntoItsRange() throws {
        let budget = try #require(try SpatialScenario.issueScales(of: scenario, issues: ["budget"]).first)
        #expect(budget.range == 10...50)
        #expect(budget.isInteger)
        // 10 + 37.5 % of the span 40 = 25.
        #expect(budget.value(at: 37.5) == 25)
        // Every level's axis position maps back to its own number.
        for (level, position) in SpatialScenario.axisPositions(of: scenario.space.issues[1]).enumerated() {
            #expect(budget.value(at: position) == scenario.space.issues[1].number(atLevel: level))
        }
        // 37.5 lies between 20 (at 25) and 30 (at 50): 20 is nearer.
        #expect(budget.nearestLevel(to: 37.5).label == "20")
    }

    @Test(arguments: [(0.0, "left"), (20, "centre"), (60, "right"), (90, "far_right"), (100, "far_right")])
    func anIssueOfOptionsNamesTheNearestOption(position: Double, option: String) throws {
        let side = try #require(try SpatialScenario.issueScales(of: scenario, issues: ["side"]).first)
        #expect(side.range == nil)
        #expect(side.value(at: position) == nil)
        #expect(side.nearestLevel(to: position).label == option)
    }

    @Test func scalesFollowTheOrderOfTheIssuesAndRefuseUnknownOnes() throws {
        let scales = try SpatialScenario.issueScales(of: scenario, issues: ["budget", "side"])
        #expect(scales.map(\.issue) == ["budget", "side"])
        #expect(throws: IssueAxisError.self) { try SpatialScenario.issueScales(of: scenario, issues: ["nope"]) }
    }
}
