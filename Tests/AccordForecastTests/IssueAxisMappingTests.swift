import AccordCore
import AccordForecast
import AccordFormats
import Testing

/// Four parties on an ordered issue (`side`, four options) and a numeric one (`budget`, 10 to 50 in steps of 10).
/// Positions and saliences below are computed by hand from these numbers.
let mappingScenario = """
    accord: 1
    name: Council budget
    issues:
      - {id: side, name: Side, options: [left, centre, right, far_right]}
      - {id: budget, name: Budget, range: [10, 50], step: 10}
    parties:
      - id: a
        name: Alpha
        clout: 4
        weights: {side: 0.6, budget: 0.4}
        values: {side: {left: 1, centre: 0.5, right: 0.2, far_right: 0}, budget: increasing}
      - id: b
        weights: {side: 0.25, budget: 0.75}
        values: {side: {left: 0, centre: 1, right: 1, far_right: 0.3}, budget: {triangular: [10, 30, 50]}}
      - id: c
        weights: {side: 1}
        values: {side: {left: 0, centre: 0, right: 0, far_right: 1}}
      - id: d
        weights: {budget: 1}
        values: {budget: decreasing}
    """

@Suite struct IssueAxisMappingTests {
    let scenario: Scenario

    init() throws { scenario = try ScenarioLoader.parse(mappingScenario) }

    @Test func optionsAreSpacedEvenlyAndNumbersLinearly() throws {
        let side = scenario.space.issues[0]
        let budget = scenario.space.issues[1]
        let options = SpatialScenario.axisPositions(of: side)
        #expect(options.count == 4)
        for (value, expected) in zip(options, [0, 100.0 / 3, 200.0 / 3, 100]) { #expect(abs(value - expected) < 1e-9) }
        #expect(SpatialScenario.axisPositions(of: budget) == [0, 25, 50, 75, 100])
    }

    @Test func oneIssueLeavesOutThePartyThatDoesNotWeighIt() throws {
        let forecast = try SpatialScenario(scenario, issues: ["side"])
        #expect(forecast.name == "Council budget")
        #expect(forecast.dimensions == ["Side"])
        // d gives `side` weight 0: left out. a's favourite is left (0); b's centre and right tie at 1, the first
        // (centre, 33.3) wins; c's is far_right (100).
        #expect(forecast.actors.map(\.name) == ["Alpha", "b", "c"])
        #expect(forecast.actors.map(\.description) == ["a", "b", "c"])
        let positions = forecast.actors.map { $0.positions[0] }
        #expect(positions[0] == 0 && abs(positions[1] - 100.0 / 3) < 1e-9 && positions[2] == 100)
        #expect(forecast.actors.map(\.saliences) == [[60], [25], [100]])
        #expect(forecast.actors.map(\.capability) == [4, 1, 1])
        #expect(forecast.description.hasPrefix("Issue side on 0–100: left 0, centre 33.3, right 66.7, far_right 100"))
        #expect(forecast.description.hasSuffix("left out (no weight on the issue): d"))
        try forecast.validate()
    }

    @Test func aNumericIssueTakesTheFavouriteLevelsPlace() throws {
        let forecast = try SpatialScenario(scenario, issues: ["budget"])
        // a: increasing → 50 (100); b: peak at 30 (50); d: decreasing → 10 (0); c does not weigh it.
        #expect(forecast.actors.map(\.name) == ["Alpha", "b", "d"])
        #expect(forecast.actors.map(\.positions) == [[100], [50], [0]])
        #expect(forecast.actors.map(\.saliences) == [[40], [75], [100]])
        #expect(forecast.description.hasPrefix("Issue budget on 0–100: 10 at 0 to 50 at 100, linearly"))
    }

    @Test func severalIssuesBecomeSeveralDimensions() throws {
        let forecast = try SpatialScenario(scenario, issues: ["side", "budget"])
        #expect(forecast.dimensions == ["Side", "Budget"])
        #expect(forecast.actors.count == 4)
        // c values budget nowhere (all levels equal): the first level, 0, with salience 0.
        #expect(forecast.actors[2].positions == [100, 0])
        #expect(forecast.actors[2].saliences == [100, 0])
        #expect(forecast.actors[3].positions == [0, 0])
        #expect(forecast.actors[3].saliences == [0, 100])
        try forecast.validate()
    }

    @Test(arguments: [
        (["army"], IssueAxisError.unknownIssue(id: "army", available: ["side", "budget"])),
        (["side", "side"], .repeatedIssue(id: "side")),
        ([], .noIssue),
    ])
    func badIssueChoicesAreRejected(issues: [String], error: IssueAxisError) {
        #expect(throws: error) { try SpatialScenario(scenario, issues: issues) }
    }

    @Test func fewerThanThreeWeighingPartiesAreTooFew() throws {
        let two = try ScenarioLoader.parse(
            mappingScenario.components(separatedBy: "  - id: c\n")[0])
        let error = IssueAxisError.tooFewParties(count: 2, issues: ["side"], leftOut: [])
        #expect(throws: error) { try SpatialScenario(two, issues: ["side"]) }
        #expect(error.description == "the spatial model needs at least 3 actors, but 2 parties weigh 'side'")
    }

    @Test func saliencesThatRoundAboveAHundredAreCappedAtAHundred() throws {
        // 100 × 0.14 + 100 × 0.55 + 100 × 0.31 is 100.00000000000001 in floating point.
        let text = """
            accord: 1
            name: Rounding
            issues:
              - {id: x, options: [p, q]}
              - {id: y, options: [p, q]}
              - {id: z, options: [p, q]}
            parties:
            """
            + (1...3).map { n in
                "\n  - {id: p\(n), weights: {x: 0.14, y: 0.55, z: 0.31}, values: {x: {p: 1, q: 0}, y: {p: 1, q: 0}, z: {p: 1, q: 0}}}"
            }.joined()
        let forecast = try SpatialScenario(try ScenarioLoader.parse(text), issues: ["x", "y", "z"])
        for actor in forecast.actors {
            #expect(actor.saliences.reduce(0, +) <= 100)
            #expect(abs(actor.saliences.reduce(0, +) - 100) < 1e-9)
        }
        try forecast.validate()
    }

    @Test func cloutIsReadAndMustBePositive() throws {
        #expect(scenario.parties.map(\.clout) == [4, 1, 1, 1])
        let broken = mappingScenario.replacingOccurrences(of: "clout: 4", with: "clout: -2")
        do {
            _ = try ScenarioLoader.parse(broken)
            Issue.record("expected a negative clout to be rejected")
        } catch {
            guard case .invalid(_, let problems) = error else { throw error }
            #expect(problems.map(\.path) == ["parties[0] (a).clout"])
            #expect(problems[0].message.contains("positive number, found -2"))
        }
    }

    @Test func berlinTerritoryPlacesTheFourPartiesWithTheirClout() throws {
        let berlin = try ScenarioLoader.bundled("berlin-2025")
        let forecast = try SpatialScenario(berlin, issues: ["territory"])
        #expect(forecast.actors.map(\.description) == ["us", "ukraine", "europe", "russia"])
        // Favourites: the US and Russia cede_donbas (100), Ukraine and Europe ukraine_keeps (0).
        #expect(forecast.actors.map { $0.positions[0] } == [100, 0, 0, 100])
        let saliences = forecast.actors.map { $0.saliences[0] }
        for (value, expected) in zip(saliences, [25.0, 35, 20, 30]) { #expect(abs(value - expected) < 1e-9) }
        #expect(forecast.actors.map(\.capability) == [35, 10, 25, 30])
    }
}
