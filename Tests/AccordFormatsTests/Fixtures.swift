import AccordCore
import AccordFormats
import Foundation
import Testing

// MARK: Named fixtures

/// The example scenario of the scenario-format documentation: an option with attributes, an integer range with a
/// step, a piecewise value function, a red line and a proposal.
let exampleYAML = """
    accord: 1
    name: Example
    issues:
      - id: guarantee
        options:
          - id: none
          - id: article5_like
            attributes: {legal_form: ratified_treaty, response: deems_necessary}
      - id: army_cap            # thousands of troops
        range: [400, 900]
        step: 50
    parties:
      - id: us
        reservation: 0.3
        weights: {guarantee: 0.6, army_cap: 0.4}
        values:
          guarantee: {none: 1.0, article5_like: 0.4}
          army_cap: {piecewise: [[400, 0.0], [900, 1.0]]}
        red_lines:
          - {issue: guarantee, forbid: [none]}
    proposals:
      - id: package_a
        outcome: {guarantee: article5_like, army_cap: 600}
    """

/// ``exampleYAML`` written as JSON.
let exampleJSON = """
    {
      "accord": 1,
      "name": "Example",
      "issues": [
        {"id": "guarantee", "options": [
          {"id": "none"},
          {"id": "article5_like", "attributes": {"legal_form": "ratified_treaty", "response": "deems_necessary"}}
        ]},
        {"id": "army_cap", "range": [400, 900], "step": 50}
      ],
      "parties": [
        {
          "id": "us",
          "reservation": 0.3,
          "weights": {"guarantee": 0.6, "army_cap": 0.4},
          "values": {
            "guarantee": {"none": 1.0, "article5_like": 0.4},
            "army_cap": {"piecewise": [[400, 0.0], [900, 1.0]]}
          },
          "red_lines": [{"issue": "guarantee", "forbid": ["none"]}]
        }
      ],
      "proposals": [
        {"id": "package_a", "outcome": {"guarantee": "article5_like", "army_cap": 600}}
      ]
    }
    """

/// The `issues:` section of ``smallScenario(header:issues:parties:proposals:)``: two options and an integer range.
let smallIssues = """
    issues:
      - id: guarantee
        options: [none, article5_like]
      - id: army_cap
        range: [400, 900]
        step: 50
    """

/// The `parties:` section of ``smallScenario(header:issues:parties:proposals:)``: one valid party.
let smallParties = """
    parties:
      - id: us
        weights: {guarantee: 0.6, army_cap: 0.4}
        values:
          guarantee: {none: 1.0, article5_like: 0.4}
          army_cap: increasing
    """

/// A small valid scenario; replace one section to break it in one place.
func smallScenario(
    header: String = "accord: 1\nname: Small", issues: String = smallIssues, parties: String = smallParties,
    proposals: String = ""
) -> String {
    [header, issues, parties, proposals].filter { !$0.isEmpty }.joined(separator: "\n") + "\n"
}

// MARK: Helpers

/// Whether two doubles agree to within an absolute tolerance.
func isClose(_ a: Double, _ b: Double, tolerance: Double = 1e-9) -> Bool {
    abs(a - b) <= tolerance
}

/// Whether two lists of doubles agree element by element.
func areClose(_ a: [Double], _ b: [Double], tolerance: Double = 1e-9) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { isClose($0, $1, tolerance: tolerance) }
}

/// The first party's utility for an outcome given as levels.
func utility(_ scenario: Scenario, party: Int = 0, levels: [Int]) -> Double {
    scenario.parties[party].utility.utility(of: Outcome(levels: levels), in: scenario.space)
}

/// Every outcome of a scenario's space, in index order.
func allOutcomes(_ scenario: Scenario) -> [Outcome] {
    (0..<(scenario.space.count ?? 0)).map { scenario.space.outcome(at: $0) }
}

/// The problems of a scenario text that must be rejected as invalid; records an issue when it is not.
func problems(in text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [ScenarioProblem] {
    do {
        let scenario = try ScenarioLoader.parse(text, file: "test.yaml")
        Testing.Issue.record(
            "expected the scenario to be rejected, but it loaded: \(scenario.name)", sourceLocation: sourceLocation)
        return []
    } catch {
        guard case .invalid(let file, let problems) = error else {
            Testing.Issue.record("expected ScenarioError.invalid, got \(error)", sourceLocation: sourceLocation)
            return []
        }
        #expect(file == "test.yaml", sourceLocation: sourceLocation)
        return problems
    }
}

/// The level of an option by its identifier on an issue.
func level(_ scenario: Scenario, _ issue: String, _ option: String) throws -> Int {
    let index = try #require(scenario.space.issueIndex(of: issue))
    return try #require(scenario.issues[index].level(matching: option))
}
