import AccordCore
import AccordFormats
import Foundation
import Testing

/// A scenario broken in one place: where the problem must be reported and what its message must name.
struct BrokenScenario: Sendable, CustomTestStringConvertible {
    var label: String
    var text: String
    var path: String
    var fragments: [String]

    var testDescription: String { label }

    init(_ label: String, _ text: String, path: String, mentions fragments: String...) {
        self.label = label
        self.text = text
        self.path = path
        self.fragments = fragments
    }
}

/// One party whose `values`, `weights`, `reservation` or `red_lines` are replaced.
func party(
    weights: String = "{guarantee: 0.6, army_cap: 0.4}",
    values: String = "{guarantee: {none: 1.0, article5_like: 0.4}, army_cap: increasing}",
    extra: String = ""
) -> String {
    """
    parties:
      - id: us
        weights: \(weights)
        values: \(values)
    \(extra)
    """
}

/// Two issues where the second one's range spec is replaced.
func issues(armyCap: String) -> String {
    """
    issues:
      - id: guarantee
        options: [none, article5_like]
      - id: army_cap
        \(armyCap)
    """
}

let brokenScenarios: [BrokenScenario] = [
    // Proposals
    BrokenScenario(
        "unknown issue in a proposal",
        smallScenario(proposals: "proposals:\n  - {id: p, outcome: {guarantee: none, colour: red}}"),
        path: "proposals[0] (p).outcome.colour", mentions: "no issue 'colour'", "guarantee, army_cap"),
    BrokenScenario(
        "unknown option in a proposal",
        smallScenario(proposals: "proposals:\n  - {id: p, outcome: {guarantee: nato}}"),
        path: "proposals[0] (p).outcome.guarantee", mentions: "no option 'nato'", "none, article5_like"),
    BrokenScenario(
        "number off the grid in a proposal",
        smallScenario(proposals: "proposals:\n  - {id: p, outcome: {army_cap: 625}}"),
        path: "proposals[0] (p).outcome.army_cap", mentions: "'625' is not a level", "in steps of 50"),
    // Red lines
    BrokenScenario(
        "unknown issue in a red line",
        smallScenario(parties: party(extra: "    red_lines:\n      - {issue: colour, forbid: [red]}")),
        path: "parties[0] (us).red_lines[0].issue", mentions: "no issue 'colour'"),
    BrokenScenario(
        "unknown option in a red line",
        smallScenario(parties: party(extra: "    red_lines:\n      - {issue: guarantee, forbid: [none, nato]}")),
        path: "parties[0] (us).red_lines[0].forbid[1]", mentions: "no option 'nato'"),
    BrokenScenario(
        "red line with min above max",
        smallScenario(parties: party(extra: "    red_lines:\n      - {issue: army_cap, min: 800, max: 500}")),
        path: "parties[0] (us).red_lines[0]", mentions: "min 800 is above max 500"),
    BrokenScenario(
        "red line bounding an issue with options",
        smallScenario(parties: party(extra: "    red_lines:\n      - {issue: guarantee, min: 1}")),
        path: "parties[0] (us).red_lines[0]", mentions: "numeric issues", "forbid or require"),
    BrokenScenario(
        "red line with both forbid and require",
        smallScenario(
            parties: party(extra: "    red_lines:\n      - {issue: guarantee, forbid: [none], require: [none]}")),
        path: "parties[0] (us).red_lines[0]", mentions: "exactly one of forbid"),
    // Weights and values
    BrokenScenario(
        "weight for an issue that does not exist",
        smallScenario(parties: party(weights: "{guarantee: 0.6, army_cap: 0.4, colour: 0.1}")),
        path: "parties[0] (us).weights.colour", mentions: "no issue 'colour'", "guarantee, army_cap"),
    BrokenScenario(
        "negative weight",
        smallScenario(parties: party(weights: "{guarantee: -0.6, army_cap: 0.4}")),
        path: "parties[0] (us).weights.guarantee", mentions: "cannot be negative"),
    BrokenScenario(
        "every weight zero",
        smallScenario(parties: party(weights: "{guarantee: 0, army_cap: 0}")),
        path: "parties[0] (us).weights", mentions: "every weight is 0"),
    BrokenScenario(
        "weight that is not a number",
        smallScenario(parties: party(weights: "{guarantee: lots, army_cap: 0.4}")),
        path: "parties[0] (us).weights.guarantee", mentions: "expected a number", "'lots'"),
    BrokenScenario(
        "value above 1",
        smallScenario(parties: party(values: "{guarantee: {none: 1.5, article5_like: 0.4}, army_cap: increasing}")),
        path: "parties[0] (us).values.guarantee.none", mentions: "1.5 is outside [0, 1]"),
    BrokenScenario(
        "value below 0",
        smallScenario(parties: party(values: "{guarantee: {none: -0.1, article5_like: 0.4}, army_cap: increasing}")),
        path: "parties[0] (us).values.guarantee.none", mentions: "outside [0, 1]"),
    BrokenScenario(
        "reservation above 1",
        smallScenario(parties: party(extra: "    reservation: 1.2")),
        path: "parties[0] (us).reservation", mentions: "1.2 is outside [0, 1]"),
    BrokenScenario(
        "missing value for an option",
        smallScenario(parties: party(values: "{guarantee: {none: 1.0}, army_cap: increasing}")),
        path: "parties[0] (us).values.guarantee", mentions: "no value for option(s) article5_like"),
    BrokenScenario(
        "missing value function for a weighed issue",
        smallScenario(parties: party(values: "{guarantee: {none: 1.0, article5_like: 0.4}}")),
        path: "parties[0] (us).values.army_cap", mentions: "is missing", "must value it"),
    BrokenScenario(
        "value for an option that does not exist",
        smallScenario(
            parties: party(values: "{guarantee: {none: 1, article5_like: 0.4, nato: 0}, army_cap: increasing}")),
        path: "parties[0] (us).values.guarantee.nato", mentions: "no option 'nato'"),
    BrokenScenario(
        "unknown value function",
        smallScenario(parties: party(values: "{guarantee: {none: 1, article5_like: 0.4}, army_cap: {cubic: 1}}")),
        path: "parties[0] (us).values.army_cap.cubic", mentions: "expected piecewise, linear or triangular"),
    BrokenScenario(
        "ramp that is neither increasing nor decreasing",
        smallScenario(parties: party(values: "{guarantee: {none: 1, article5_like: 0.4}, army_cap: upwards}")),
        path: "parties[0] (us).values.army_cap", mentions: "expected 'increasing' or 'decreasing'", "'upwards'"),
    BrokenScenario(
        "piecewise points out of order",
        smallScenario(
            parties: party(
                values: "{guarantee: {none: 1, article5_like: 0.4}, army_cap: {piecewise: [[900, 1], [400, 0]]}}")),
        path: "parties[0] (us).values.army_cap.piecewise[1]", mentions: "does not increase"),
    BrokenScenario(
        "triangular with the peak outside",
        smallScenario(
            parties: party(
                values: "{guarantee: {none: 1, article5_like: 0.4}, army_cap: {triangular: [400, 950, 900]}}")),
        path: "parties[0] (us).values.army_cap.triangular", mentions: "low ≤ peak ≤ high"),
    BrokenScenario(
        "attribute no option has",
        """
        accord: 1
        name: Attributes
        issues:
          - id: guarantee
            options:
              - {id: treaty, attributes: {legal_form: treaty}}
        parties:
          - id: p
            weights: {guarantee: 1}
            values:
              guarantee: {attributes: {colour: {red: 1}}}
        """,
        path: "parties[0] (p).values.guarantee.attributes.colour", mentions: "attribute 'colour'"),
    // Issues and ranges
    BrokenScenario(
        "range whose low end is above its high end",
        smallScenario(issues: issues(armyCap: "range: [900, 400]")),
        path: "issues[1] (army_cap).range", mentions: "low end 900 is above the high end 400"),
    BrokenScenario(
        "step of zero", smallScenario(issues: issues(armyCap: "range: [400, 900]\n    step: 0")),
        path: "issues[1] (army_cap).step", mentions: "a step must be positive", "found 0"),
    BrokenScenario(
        "negative step", smallScenario(issues: issues(armyCap: "range: [400, 900]\n    step: -50")),
        path: "issues[1] (army_cap).step", mentions: "a step must be positive"),
    BrokenScenario(
        "range with one bound", smallScenario(issues: issues(armyCap: "range: [400]")),
        path: "issues[1] (army_cap).range", mentions: "expected [low, high]"),
    BrokenScenario(
        "range with too many levels", smallScenario(issues: issues(armyCap: "range: [0, 5000000]\n    step: 1")),
        path: "issues[1] (army_cap).step", mentions: "5,000,001 levels", "more than the 1,000,000"),
    BrokenScenario(
        "range and options together", smallScenario(issues: issues(armyCap: "range: [400, 900]\n    options: [a, b]")),
        path: "issues[1] (army_cap)", mentions: "both options and range"),
    BrokenScenario(
        "issue with neither range nor options", smallScenario(issues: issues(armyCap: "unit: troops")),
        path: "issues[1] (army_cap)", mentions: "needs either options"),
    BrokenScenario(
        "unknown range type", smallScenario(issues: issues(armyCap: "range: [400, 900]\n    type: complex")),
        path: "issues[1] (army_cap).type", mentions: "expected 'integer' or 'real'", "'complex'"),
    BrokenScenario(
        "empty issues list", smallScenario(issues: "issues: []"),
        path: "issues", mentions: "at least one issue"),
    BrokenScenario(
        "missing issues", smallScenario(issues: ""),
        path: "issues", mentions: "is missing", "expected a list"),
    BrokenScenario(
        "expiry round of zero",
        smallScenario(
            issues:
                "issues:\n  - id: guarantee\n    options: [none, {id: article5_like, available_until: 0}]\n  - id: army_cap\n    range: [400, 900]"
        ),
        path: "issues[0] (guarantee).options[1] (article5_like).available_until", mentions: "round number from 1"),
    BrokenScenario(
        "expiry that is not a date",
        smallScenario(
            issues:
                "issues:\n  - id: guarantee\n    options: [none, {id: article5_like, available_until: 2026-13-01}]\n  - id: army_cap\n    range: [400, 900]"
        ),
        path: "issues[0] (guarantee).options[1] (article5_like).available_until",
        mentions: "'2026-13-01' is not a date", "YYYY-MM-DD"),
    BrokenScenario(
        "invalid identifier",
        smallScenario(
            issues:
                "issues:\n  - id: guarantee\n    options: [none, 'article 5']\n  - id: army_cap\n    range: [400, 900]"),
        path: "issues[0] (guarantee).options[1]", mentions: "'article 5' is not a valid identifier"),
    // Duplicates
    BrokenScenario(
        "duplicate issue id",
        smallScenario(
            issues:
                "issues:\n  - id: guarantee\n    options: [none, article5_like]\n  - id: guarantee\n    options: [x]"),
        path: "issues[1] (guarantee).id", mentions: "'guarantee' is used by an earlier issue"),
    BrokenScenario(
        "duplicate option id",
        smallScenario(
            issues:
                "issues:\n  - id: guarantee\n    options: [none, article5_like, none]\n  - id: army_cap\n    range: [400, 900]"
        ),
        path: "issues[0] (guarantee).options[2]", mentions: "'none' is used by an earlier option"),
    BrokenScenario(
        "duplicate party id",
        smallScenario(parties: smallParties + "\n" + smallParties.replacingOccurrences(of: "parties:\n", with: "")),
        path: "parties[1] (us).id", mentions: "'us' is used by an earlier party"),
    BrokenScenario(
        "duplicate proposal id",
        smallScenario(
            proposals:
                "proposals:\n  - {id: p, outcome: {guarantee: none}}\n  - {id: p, outcome: {guarantee: article5_like}}"),
        path: "proposals[1] (p).id", mentions: "'p' is used by an earlier proposal"),
    // Unknown keys and the header
    BrokenScenario(
        "unknown top-level key", smallScenario(header: "accord: 1\nname: Small\ncolour: red"),
        path: "colour", mentions: "unknown key", "expected one of", "issues"),
    BrokenScenario(
        "unknown issue key", smallScenario(issues: issues(armyCap: "range: [400, 900]\n    colour: red")),
        path: "issues[1] (army_cap).colour", mentions: "unknown key", "step"),
    BrokenScenario(
        "unknown party key", smallScenario(parties: party(extra: "    colour: red")),
        path: "parties[0] (us).colour", mentions: "unknown key", "reservation"),
    BrokenScenario(
        "unknown red-line key",
        smallScenario(parties: party(extra: "    red_lines:\n      - {issue: guarantee, forbid: [none], colour: red}")),
        path: "parties[0] (us).red_lines[0].colour", mentions: "unknown key", "forbid"),
    BrokenScenario(
        "unknown proposal key",
        smallScenario(proposals: "proposals:\n  - {id: p, outcome: {guarantee: none}, colour: red}"),
        path: "proposals[0] (p).colour", mentions: "unknown key", "outcome"),
    BrokenScenario(
        "wrong format version", smallScenario(header: "accord: 2\nname: Small"),
        path: "accord", mentions: "version '2' is not supported", "version 1"),
    BrokenScenario(
        "missing format version", smallScenario(header: "name: Small"),
        path: "accord", mentions: "is missing"),
    BrokenScenario(
        "missing name", smallScenario(header: "accord: 1"),
        path: "name", mentions: "is missing", "expected text"),
    BrokenScenario(
        "empty parties list", smallScenario(parties: "parties: []"),
        path: "parties", mentions: "at least one party"),
    BrokenScenario(
        "document that is a list", "- accord: 1\n- name: x\n",
        path: "(document)", mentions: "expected a mapping", "a list"),
]

@Suite struct ScenarioReaderErrorTests {
    @Test(arguments: brokenScenarios)
    func brokenScenarioReportsTheKeyPathAndWhatWasExpected(_ broken: BrokenScenario) throws {
        let found = problems(in: broken.text)
        let problem = try #require(
            found.first { $0.path == broken.path }, "no problem at \(broken.path); found: \(found.map(\.description))")
        for fragment in broken.fragments {
            #expect(problem.message.contains(fragment), "'\(problem.message)' does not mention '\(fragment)'")
        }
        #expect(problem.description.hasPrefix(broken.path))
    }

    @Test func everyProblemOfADocumentIsReportedAtOnce() throws {
        let text = """
            accord: 2
            name: Many problems
            colour: red
            issues:
              - id: guarantee
                options: [none, article5_like, none]
              - id: army_cap
                range: [400, 900]
                step: 50
            parties:
              - id: us
                weights: {guarantee: 0.6, army_cap: 0.4, territory: 0.2}
                values:
                  guarantee: {none: 1.0, article5_like: 1.4}
                  army_cap: increasing
            proposals:
              - id: p
                outcome: {guarantee: nato}
            """
        let found = problems(in: text)
        let expected: [(path: String, line: Int)] = [
            ("accord", 1), ("colour", 3), ("issues[0] (guarantee).options[2]", 6),
            ("parties[0] (us).weights.territory", 12),
            ("parties[0] (us).values.guarantee.article5_like", 14), ("proposals[0] (p).outcome.guarantee", 18),
        ]

        for (path, line) in expected {
            let problem = found.first { $0.path == path }
            #expect(problem != nil, "missing \(path) in \(found.map(\.path))")
            #expect(problem?.line == line, "\(path)")
        }
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.parse(text, file: "many.yaml") }
        let description = error.description
        #expect(description.hasPrefix("many.yaml: \(found.count) problems:\n"))
        #expect(description.split(separator: "\n").count == found.count + 1)
        for (path, _) in expected { #expect(description.contains("  - \(path)")) }
    }

    /// The observed case: `parties[2].values.duration` made the reader count parties from zero; every list item
    /// with an id is now named in the key path, the party and the issue alike.
    @Test func keyPathsNameTheListItemsTheyPassThrough() throws {
        let text = """
            accord: 1
            name: Named paths
            issues:
              - {id: territory, options: [none, some]}
              - {id: duration, range: [900, 400]}
            parties:
              - {id: us, weights: {territory: 1}, values: {territory: {none: 1, some: 0}}}
              - {id: ukraine, weights: {territory: 1}, values: {territory: {none: 0, some: 1}}}
              - id: e3
                weights: {territory: 1}
                values: {territory: {none: 1, some: 0.5}, sanctions: increasing}
                red_lines:
                  - {id: no_deal, issue: territory, forbid: [all]}
            proposals:
              - {id: opening, outcome: {territory: most}}
            """
        let found = problems(in: text).map(\.description)
        #expect(
            found == [
                "issues[1] (duration).range (line 5): the low end 900 is above the high end 400",
                "parties[2] (e3).values.sanctions (line 11): there is no issue 'sanctions'; issues are: territory, duration",
                "parties[2] (e3).red_lines[0] (no_deal).forbid[0] (line 13): issue 'territory' has no option 'all'; options are: none, some",
                "proposals[0] (opening).outcome.territory (line 15): issue 'territory' has no option 'most'; options are: none, some",
            ])
    }

    @Test func singleProblemIsDescribedOnOneLineWithFileAndLine() throws {
        let error = try #require(throws: ScenarioError.self) {
            try ScenarioLoader.parse(smallScenario(header: "accord: 7\nname: Small"), file: "one.yaml")
        }
        #expect(
            error.description
                == "one.yaml: accord (line 1): format version '7' is not supported; this Accord reads version 1.")
    }

    @Test(arguments: [
        // (text, line, column) — the position libyaml reports, 1-based, for errors that are not one of the common
        // mistakes YAMLMistakeTests covers.
        ("accord: 1\nname: *nothing\n", 2, 7),
        ("accord: 1\nname: @x\n", 2, 7),
        ("{\"accord\": 1, \"name\": \"x\",\n \"issues\": [}\n", 2, 13),
    ])
    func syntaxErrorGivesLineAndColumn(text: String, line: Int, column: Int) throws {
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.parse(text, file: "broken.yaml") }
        guard case .syntax(let file, let errorLine, let errorColumn, let message) = error else {
            Testing.Issue.record("expected a syntax error, got \(error)")
            return
        }
        #expect(file == "broken.yaml")
        #expect(errorLine == line)
        #expect(errorColumn == column)
        #expect(!message.isEmpty)
        #expect(error.description.hasPrefix("broken.yaml:\(line):\(column): not valid YAML/JSON: "))
    }

    @Test(.timeLimit(.minutes(1)))
    func aliasBombFailsCleanlyAndQuickly() throws {
        var lines = ["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
        for (previous, name) in zip("abcdefgh", "bcdefghi") {
            lines.append(
                "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]")
        }
        let bomb = lines.joined(separator: "\n") + "\n"  // 9^9 ≈ 387 million strings once expanded

        let clock = ContinuousClock()
        var caught: ScenarioError?
        let elapsed = clock.measure {
            caught = #expect(throws: ScenarioError.self) { try ScenarioLoader.parse(bomb, file: "bomb.yaml") }
        }

        #expect(elapsed < .seconds(10))
        let error = try #require(caught)
        guard case .syntax(_, _, _, let message) = error else {
            Testing.Issue.record("expected a syntax error, got \(error)")
            return
        }
        #expect(message.contains("alias bomb"))
    }

    @Test func aliasesWithinTheLimitAreExpanded() throws {
        let scenario = try ScenarioLoader.parse(
            """
            accord: 1
            name: Aliases
            issues:
              - id: a
                options: &choices [p, q]
              - id: b
                options: *choices
            parties:
              - id: u
                weights: {a: 1}
                values:
                  a: {p: 1, q: 0}
            """)
        #expect(scenario.issues[1].options.map(\.id) == ["p", "q"])
    }

    @Test func wideRealRangeWithoutStepIsSplitIntoTenIntervals() throws {
        let scenario = try ScenarioLoader.parse(smallScenario(issues: issues(armyCap: "range: [0.5, 5000000.5]")))
        #expect(scenario.issues[1].levelCount == 11)
        #expect(isClose(scenario.issues[1].number(atLevel: 1), 500_000.5))
    }

    @Test func invalidIssueIsReportedWithoutFollowOnProblems() {
        let found = problems(in: smallScenario(issues: issues(armyCap: "range: [400, 900]\n    step: 0")))
        #expect(found.map(\.path) == ["issues[1] (army_cap).step"])
    }

    // MARK: Regressions

    /// Yams reports a duplicated key as `YamlError.duplicatedKeysInMapping`; the error keeps its position and
    /// stays one sentence.
    @Test func keyGivenTwiceIsASyntaxErrorOnOneLineWithItsPosition() throws {
        let error = try #require(throws: ScenarioError.self) {
            try ScenarioLoader.parse("accord: 1\nname: a\nname: b\n", file: "twice.yaml")
        }
        guard case .syntax(_, let line, _, let message) = error else {
            Testing.Issue.record("expected a syntax error, got \(error)")
            return
        }
        #expect(message.contains("'name'"))
        #expect(line == 2)  // Yams points at the first of the two keys
        #expect(!error.description.contains("\n"))
    }

    /// Huge level counts are written as "about 10^N" or "more than 10^308", without a doubled "about".
    @Test(arguments: [
        (range: "range: [0, 1e15]\n    step: 1e-290", magnitude: "10^305"),
        (range: "range: [-1e15, 1e15]\n    step: 1e-300", magnitude: "10^308"),
    ])
    func astronomicalLevelCountIsWrittenReadably(range: String, magnitude: String) throws {
        let found = problems(in: smallScenario(issues: issues(armyCap: range)))
        let problem = try #require(found.first { $0.path == "issues[1] (army_cap).step" })
        #expect(problem.message.contains(magnitude))
        #expect(problem.message.contains("more than the 1,000,000 an issue may have"))
        #expect(!problem.message.contains("about about") && !problem.message.contains("about more than"))
    }

    // MARK: Files

    @Test func missingFileIsUnreadable() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "accord-missing-\(UUID().uuidString).yaml"
        ).path
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(path: path) }
        guard case .unreadable(let file, let reason) = error else {
            Testing.Issue.record("expected .unreadable, got \(error)")
            return
        }
        #expect(file == path)
        #expect(reason == "no such file")
    }

    @Test func directoryIsUnreadable() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("accord-dir-\(UUID().uuidString).yaml")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: url) }

        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(path: url.path) }
        #expect(error.description.contains("it is a directory"))
    }

    @Test(arguments: ["scenario.txt", "scenario", "scenario.yaml.bak"])
    func fileWithoutAScenarioExtensionIsRefused(name: String) throws {
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(path: "/nonexistent/" + name) }
        guard case .unsupportedExtension = error else {
            Testing.Issue.record("expected .unsupportedExtension, got \(error)")
            return
        }
        #expect(error.description.contains(".yaml, .yml or .json"))
    }

    @Test func fileThatIsNotUTF8IsUnreadable() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "accord-latin1-\(UUID().uuidString).yaml")
        try Data([0x61, 0x3A, 0x20, 0xFF, 0xFE, 0x0A]).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }

        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(path: url.path) }
        #expect(error.description.contains("not UTF-8"))
    }

    @Test func unknownBundledScenarioListsTheBundledOnes() throws {
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.bundled("atlantis") }
        guard case .unknownBundledScenario(let name, let available) = error else {
            Testing.Issue.record("expected .unknownBundledScenario, got \(error)")
            return
        }
        #expect(name == "atlantis")
        #expect(available.contains("berlin-2025"))
    }
}
