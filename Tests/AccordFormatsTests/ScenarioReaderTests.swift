import AccordCore
import AccordFormats
import Foundation
import Testing

@Suite struct ScenarioReaderTests {
    // MARK: The example shape

    @Test func exampleScenarioLoadsItsIssuesOptionsAndRange() throws {
        let scenario = try ScenarioLoader.parse(exampleYAML)

        #expect(scenario.name == "Example")
        #expect(scenario.issues.map(\.id) == ["guarantee", "army_cap"])
        #expect(scenario.issues[0].options.map(\.id) == ["none", "article5_like"])
        #expect(scenario.issues[0].options[0].attributes.isEmpty)
        #expect(
            scenario.issues[0].options[1].attributes == [
                Option.Attribute(name: "legal_form", value: "ratified_treaty"),
                Option.Attribute(name: "response", value: "deems_necessary"),
            ])
        #expect(scenario.issues[1].kind == .integer(lower: 400, upper: 900, step: 50))
        #expect(scenario.issues[1].levelCount == 11)
        #expect(scenario.space.count == 22)
        #expect(scenario.notes.isEmpty)
    }

    @Test func exampleScenarioLoadsThePartyRedLineAndProposal() throws {
        let scenario = try ScenarioLoader.parse(exampleYAML)

        let us = try #require(scenario.parties.first)
        #expect(scenario.parties.count == 1)
        #expect(us.id == "us")
        #expect(us.reservation == 0.3)
        #expect(us.redLines.map(\.conditions) == [[RedLine.Condition(issue: 0, test: .levelIn([0]))]])
        #expect(scenario.proposals.map(\.id) == ["package_a"])
        #expect(scenario.proposals.first?.levels == [1, 4])  // article5_like; 600 = 400 + 4·50
    }

    /// u = 0.6·v_guarantee + 0.4·v_army_cap, v_army_cap rising linearly from 0 at 400 to 1 at 900.
    @Test(arguments: [
        (guarantee: 0, armyCap: 0, expected: 0.6),  // none, 400
        (guarantee: 0, armyCap: 10, expected: 1.0),  // none, 900
        (guarantee: 1, armyCap: 4, expected: 0.4),  // article5_like, 600: 0.24 + 0.16
        (guarantee: 1, armyCap: 10, expected: 0.64),  // article5_like, 900: 0.24 + 0.4
        (guarantee: 1, armyCap: 1, expected: 0.28),  // article5_like, 450: 0.24 + 0.04
    ])
    func exampleUtilitiesMatchTheHandComputedValues(guarantee: Int, armyCap: Int, expected: Double) throws {
        let scenario = try ScenarioLoader.parse(exampleYAML)
        #expect(isClose(utility(scenario, levels: [guarantee, armyCap]), expected))
    }

    @Test func exampleWrittenAsJSONLoadsIdentically() throws {
        let yaml = try ScenarioLoader.parse(exampleYAML, file: "example.yaml")
        let json = try ScenarioLoader.parse(exampleJSON, file: "example.json")

        #expect(json.name == yaml.name)
        #expect(json.issues == yaml.issues)
        #expect(json.proposals == yaml.proposals)
        #expect(json.parties.map(\.id) == yaml.parties.map(\.id))
        #expect(json.parties.map(\.reservation) == yaml.parties.map(\.reservation))
        #expect(json.parties.map(\.redLines) == yaml.parties.map(\.redLines))
        let outcomes = allOutcomes(yaml)
        #expect(outcomes.count == 22)
        for outcome in outcomes {
            #expect(isClose(json.utilities(of: outcome)[0], yaml.utilities(of: outcome)[0]), "\(outcome.levels)")
        }
    }

    @Test func loadReadsJSONAndYAMLFilesByExtension() throws {
        let directory = FileManager.default.temporaryDirectory
        let stem = "accord-reader-\(UUID().uuidString)"
        let yamlURL = directory.appendingPathComponent(stem + ".yml")
        let jsonURL = directory.appendingPathComponent(stem + ".JSON")
        try exampleYAML.write(to: yamlURL, atomically: true, encoding: .utf8)
        try exampleJSON.write(to: jsonURL, atomically: true, encoding: .utf8)
        defer {
            try? FileManager.default.removeItem(at: yamlURL)
            try? FileManager.default.removeItem(at: jsonURL)
        }

        let fromYAML = try ScenarioLoader.load(path: yamlURL.path)
        let fromJSON = try ScenarioLoader.load(path: jsonURL.path)

        #expect(fromYAML.issues == fromJSON.issues)
        #expect(fromYAML.space.count == 22)
    }

    // MARK: Value functions

    /// One party, one numeric issue x with levels 0, 2, 4, 6, 8, 10 and weight 1, so utility = value.
    static func numericScenario(value: String) -> String {
        """
        accord: 1
        name: Value forms
        issues:
          - id: x
            range: [0, 10]
            step: 2
        parties:
          - id: p
            weights: {x: 1}
            values:
              x: \(value)
        """
    }

    /// Value forms and their values at x = 0, 2, 4, 6, 8, 10.
    static let numericForms: [(form: String, values: [Double])] = [
        ("increasing", [0, 0.2, 0.4, 0.6, 0.8, 1]),
        ("decreasing", [1, 0.8, 0.6, 0.4, 0.2, 0]),
        ("{linear: increasing}", [0, 0.2, 0.4, 0.6, 0.8, 1]),
        ("{linear: {slope: 0.05, intercept: 0.2}}", [0.2, 0.3, 0.4, 0.5, 0.6, 0.7]),
        // 1.2 − 0.1x is clamped to 1 at x = 0.
        ("{linear: {slope: -0.1, intercept: 1.2}}", [1, 1, 0.8, 0.6, 0.4, 0.2]),
        ("{triangular: [0, 4, 10]}", [0, 0.5, 1, 4.0 / 6, 2.0 / 6, 0]),
        ("{triangular: [2, 2, 6]}", [0, 1, 0.5, 0, 0, 0]),
        ("{piecewise: [[0, 0.0], [4, 1.0], [10, 0.4]]}", [0, 0.5, 1, 0.8, 0.6, 0.4]),
        // Constant before the first point and after the last.
        ("{piecewise: [[3, 0.2], [7, 0.6]]}", [0.2, 0.2, 0.3, 0.5, 0.6, 0.6]),
    ]

    @Test(arguments: numericForms)
    func numericValueFunctionsGiveHandComputedValues(form: String, expected: [Double]) throws {
        let scenario = try ScenarioLoader.parse(Self.numericScenario(value: form))
        let values = (0..<6).map { utility(scenario, levels: [$0]) }
        #expect(areClose(values, expected), "\(form): \(values)")
    }

    @Test func tableValueFunctionGivesEachOptionItsValue() throws {
        let scenario = try ScenarioLoader.parse(
            """
            accord: 1
            name: Table
            issues:
              - id: venue
                options: [geneva, istanbul, riyadh]
            parties:
              - id: p
                weights: {venue: 1}
                values:
                  venue: {geneva: 0.9, istanbul: 0.25, riyadh: 0}
            """)
        #expect(areClose((0..<3).map { utility(scenario, levels: [$0]) }, [0.9, 0.25, 0]))
    }

    static let attributeScenario = """
        accord: 1
        name: Attributes
        issues:
          - id: guarantee
            options:
              - id: treaty_force
                attributes: {legal_form: treaty, troops: yes}
              - id: declaration_only
                attributes: {legal_form: declaration, troops: no}
              - id: bare
        parties:
          - id: p
            weights: {guarantee: 1}
            values:
              guarantee:
                attributes:
                  legal_form: {treaty: 1.0, declaration: 0.2}
                  troops: {yes: 0.5, no: 1.0}
        """

    @Test func attributeValuationWeighsTheAttributes() throws {
        // Weights 3 : 1 normalise to 0.75 / 0.25.
        let text = Self.attributeScenario + "\n        weights: {legal_form: 3, troops: 1}\n"
        let scenario = try ScenarioLoader.parse(text)

        // treaty_force: 0.75·1 + 0.25·0.5; declaration_only: 0.75·0.2 + 0.25·1; bare carries no attribute.
        #expect(areClose((0..<3).map { utility(scenario, levels: [$0]) }, [0.875, 0.4, 0]))
        #expect(scenario.notes.contains { $0.contains("attribute weights") && $0.contains("normalised") })
    }

    @Test func attributeValuationWithoutWeightsWeighsAttributesEqually() throws {
        let scenario = try ScenarioLoader.parse(Self.attributeScenario)
        // treaty_force: (1 + 0.5)/2; declaration_only: (0.2 + 1)/2.
        #expect(areClose((0..<3).map { utility(scenario, levels: [$0]) }, [0.75, 0.6, 0]))
    }

    // MARK: Ranges and weights

    @Test func realRangeWithoutStepIsSplitIntoTenIntervalsWithANote() throws {
        let scenario = try ScenarioLoader.parse(
            smallScenario(
                issues: """
                    issues:
                      - id: guarantee
                        options: [none, article5_like]
                      - id: army_cap
                        range: [0, 2.5]
                    """))
        let issue = scenario.issues[1]

        #expect(issue.kind == .real(lower: 0, upper: 2.5, step: 0.25))
        #expect(issue.levelCount == 11)
        #expect(isClose(issue.number(atLevel: 10), 2.5))
        #expect(scenario.notes.contains { $0.contains("army_cap") && $0.contains("10 equal steps") })
    }

    @Test func rangeDeclaredRealWithWholeBoundsIsAlsoSplitIntoTenIntervals() throws {
        let scenario = try ScenarioLoader.parse(
            smallScenario(
                issues: """
                    issues:
                      - id: guarantee
                        options: [none, article5_like]
                      - id: army_cap
                        range: [0, 1]
                        type: real
                    """))
        #expect(scenario.issues[1].levelCount == 11)
        #expect(isClose(scenario.issues[1].number(atLevel: 3), 0.3))
        #expect(scenario.notes.count == 1)
    }

    @Test func integerRangeWithoutStepCountsInOnes() throws {
        let scenario = try ScenarioLoader.parse(
            smallScenario(
                issues: """
                    issues:
                      - id: guarantee
                        options: [none, article5_like]
                      - id: army_cap
                        range: [1, 5]
                    """))
        #expect(scenario.issues[1].kind == .integer(lower: 1, upper: 5, step: 1))
        #expect(scenario.notes.isEmpty)
    }

    @Test func weightsNotSummingToOneAreNormalisedWithANote() throws {
        let scenario = try ScenarioLoader.parse(
            smallScenario(
                parties: """
                    parties:
                      - id: us
                        weights: {guarantee: 3, army_cap: 1}
                        values:
                          guarantee: {none: 1.0, article5_like: 0.4}
                          army_cap: increasing
                    """))
        let weights = try #require(scenario.parties[0].utility as? LinearAdditiveUtility).weights

        #expect(areClose(weights, [0.75, 0.25]))
        #expect(isClose(utility(scenario, levels: [0, 10]), 1))  // best of both: the total is 1, not 4
        #expect(scenario.notes.contains { $0.contains("'us'") && $0.contains("sum to 4") && $0.contains("normalised") })
    }

    @Test func issueLeftOutOfTheWeightsWeighsNothing() throws {
        let scenario = try ScenarioLoader.parse(
            smallScenario(
                parties: """
                    parties:
                      - id: us
                        weights: {guarantee: 1}
                        values:
                          guarantee: {none: 1.0, article5_like: 0.4}
                    """))
        #expect(isClose(utility(scenario, levels: [1, 0]), utility(scenario, levels: [1, 10])))
        #expect(isClose(utility(scenario, levels: [1, 0]), 0.4))
        #expect(
            scenario.notes == [
                "Party 'us' leaves issue 'army_cap' out of its weights and values: it weighs 0 and does not count for the party."
            ])
    }

    /// The observed case: a party that values an issue but forgets its weight was told only that its weights
    /// "sum to 0.9", with float noise in other sums; the note now names the issue, and sums are rounded.
    @Test(arguments: [
        (
            weights: "{guarantee: 0.9}", values: "{guarantee: {none: 1.0, article5_like: 0.4}, army_cap: increasing}",
            notes: [
                "Party 'us' values issue 'army_cap' but leaves it out of its weights: it weighs 0, so its values do not count.",
                "Party 'us': weights sum to 0.9, normalised to 1.",
            ]
        ),
        (
            // 0.325 + 0.65 is 0.9750000000000001 in binary floating point.
            weights: "{guarantee: 0.325, army_cap: 0.65}",
            values: "{guarantee: {none: 1.0, article5_like: 0.4}, army_cap: increasing}",
            notes: ["Party 'us': weights sum to 0.975, normalised to 1."]
        ),
        (
            weights: "{guarantee: 0}", values: "{}",
            notes: []
        ),
    ])
    func weightNotesNameTheIssuesLeftOutAndRoundTheSum(weights: String, values: String, notes: [String]) throws {
        #expect(0.325 + 0.65 != 0.975)
        let text = smallScenario(parties: "parties:\n  - id: us\n    weights: \(weights)\n    values: \(values)")
        guard notes.isEmpty else {
            #expect(try ScenarioLoader.parse(text).notes == notes)
            return
        }
        // Every weight 0 (one left out, one written as 0) is a problem, not a note.
        #expect(problems(in: text).map(\.path) == ["parties[0] (us).weights"])
    }

    @Test func severalIssuesLeftOutAreNamedInOneNote() throws {
        let scenario = try ScenarioLoader.parse(
            """
            accord: 1
            name: Three issues
            issues:
              - {id: a, options: [x, y]}
              - {id: b, options: [x, y]}
              - {id: c, options: [x, y]}
            parties:
              - id: e3
                weights: {a: 1}
                values: {a: {x: 1, y: 0}, b: {x: 1, y: 0}, c: {x: 0, y: 1}}
            """)
        #expect(
            scenario.notes == [
                "Party 'e3' values issues 'b' and 'c' but leaves them out of its weights: they weigh 0, so their values do not count."
            ])
    }

    @Test func realStepInTheNoteIsRoundedWithoutFloatNoise() throws {
        // (0.7 − 0) / 10 is 0.06999999999999999 in binary floating point.
        let scenario = try ScenarioLoader.parse(
            smallScenario(
                issues:
                    "issues:\n  - id: guarantee\n    options: [none, article5_like]\n  - id: army_cap\n    range: [0, 0.7]"
            ))
        #expect(0.7 / 10 != 0.07)
        #expect(
            scenario.notes == [
                "Issue 'army_cap' (a real range) has no step; it is enumerated in 10 equal steps of 0.07."
            ])
    }

    @Test func reservationAboveEveryOutcomeIsAllowed() throws {
        let scenario = try ScenarioLoader.parse(
            smallScenario(
                parties: """
                    parties:
                      - id: us
                        reservation: 1.0
                        weights: {guarantee: 0.6, army_cap: 0.4}
                        values:
                          guarantee: {none: 0.5, article5_like: 0.4}
                          army_cap: increasing
                    """))
        #expect(scenario.parties[0].reservation == 1.0)
        #expect(allOutcomes(scenario).allSatisfy { utility(scenario, levels: $0.levels) < 1.0 })
    }

    // MARK: Red lines

    static let redLineIssues = """
        issues:
          - id: guarantee
            options: [none, assurances, article5_like]
          - id: army_cap
            range: [400, 900]
            step: 50
        """

    static func redLineScenario(_ redLine: String) -> String {
        smallScenario(
            issues: redLineIssues,
            parties: """
                parties:
                  - id: us
                    weights: {guarantee: 0.5, army_cap: 0.5}
                    values:
                      guarantee: {none: 0, assurances: 0.5, article5_like: 1}
                      army_cap: increasing
                    red_lines:
                      - \(redLine)
                """)
    }

    @Test(arguments: [
        ("{issue: guarantee, forbid: [none, assurances]}", [RedLine.Condition(issue: 0, test: .levelIn([0, 1]))]),
        ("{issue: guarantee, require: [article5_like]}", [RedLine.Condition(issue: 0, test: .levelNotIn([2]))]),
        ("{issue: army_cap, forbid: [900]}", [RedLine.Condition(issue: 1, test: .levelIn([10]))]),
        ("{issue: army_cap, min: 600}", [RedLine.Condition(issue: 1, test: .outside(min: 600, max: nil))]),
        ("{issue: army_cap, max: 800}", [RedLine.Condition(issue: 1, test: .outside(min: nil, max: 800))]),
        ("{issue: army_cap, min: 500, max: 800}", [RedLine.Condition(issue: 1, test: .outside(min: 500, max: 800))]),
        (
            "{all: [{issue: guarantee, forbid: [none]}, {issue: army_cap, max: 600}]}",
            [
                RedLine.Condition(issue: 0, test: .levelIn([0])),
                RedLine.Condition(issue: 1, test: .outside(min: nil, max: 600)),
            ]
        ),
    ])
    func redLinesParseToTheirConditions(redLine: String, conditions: [RedLine.Condition]) throws {
        let scenario = try ScenarioLoader.parse(Self.redLineScenario(redLine))
        #expect(scenario.parties[0].redLines.map(\.conditions) == [conditions])
    }

    @Test func combinationRedLineIsCrossedOnlyWhenEveryConditionHolds() throws {
        let scenario = try ScenarioLoader.parse(
            Self.redLineScenario(
                "{id: big_and_bare, note: no large army without a guarantee, all: [{issue: guarantee, forbid: [none]}, {issue: army_cap, max: 600}]}"
            ))
        let line = try #require(scenario.parties[0].redLines.first)
        func crosses(_ levels: [Int]) -> Bool { line.isCrossed(by: Outcome(levels: levels), in: scenario.space) }

        #expect(line.id == "big_and_bare")
        #expect(line.note == "no large army without a guarantee")
        #expect(crosses([0, 5]))  // none, 650: both conditions hold
        #expect(crosses([0, 10]))  // none, 900
        #expect(!crosses([0, 4]))  // none, 600: the cap is not exceeded
        #expect(!crosses([2, 10]))  // article5_like, 900: there is a guarantee
    }

    // MARK: Options

    @Test func optionsMayBePlainStrings() throws {
        let scenario = try ScenarioLoader.parse(smallScenario())
        let options = scenario.issues[0].options

        #expect(options.map(\.id) == ["none", "article5_like"])
        #expect(options.map(\.name) == ["none", "article5_like"])
        #expect(options.allSatisfy { $0.attributes.isEmpty && $0.availableUntil == nil })
    }

    @Test(arguments: [
        ("3", Expiry.round(3)),
        ("2026-01-15", Expiry.date("2026-01-15")),
        ("{round: 4}", Expiry.round(4)),
        ("{date: 2026-02-01}", Expiry.date("2026-02-01")),
        ("'2025-12-31'", Expiry.date("2025-12-31")),
    ])
    func availableUntilAcceptsARoundOrADate(text: String, expected: Expiry) throws {
        let scenario = try ScenarioLoader.parse(
            smallScenario(
                issues: """
                    issues:
                      - id: guarantee
                        options:
                          - none
                          - id: article5_like
                            available_until: \(text)
                      - id: army_cap
                        range: [400, 900]
                        step: 50
                    """))
        #expect(scenario.issues[0].options[1].availableUntil == expected)
        #expect(scenario.issues[0].options[0].availableUntil == nil)
    }
}
