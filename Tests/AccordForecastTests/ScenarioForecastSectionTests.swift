import AccordForecast
import AccordFormats
import Foundation
import Testing

/// A negotiation scenario (one issue, one party) with a `forecast:` section: the harbour deal of the CLI tests,
/// four actors on two dimensions. `actors` and `dimensions` replace the section's lists.
func harbourScenario(
    dimensions: String = """
        - {id: control, name: Control}
        - speed
    """,
    actors: String = """
        - {id: city, name: City, description: City council, capability: 40,
           positions: {control: 80, speed: 20}, saliences: {control: 30, speed: 50}}
        - {id: port, name: Port, capability: 60, positions: {control: 30, speed: 70}, saliences: {control: 45, speed: 45}}
        - {id: union, name: Union, capability: 25, positions: {control: 50, speed: 50}, saliences: {control: 60, speed: 10}}
        - {id: region, name: Region, capability: 35, positions: {control: 65, speed: 40}, saliences: {control: 40, speed: 40}}
    """
) -> String {
    """
    accord: 1
    name: Harbour Deal
    issues:
      - {id: control, options: [city, port]}
    parties:
      - {id: city, weights: {control: 1}, values: {control: {city: 1, port: 0}}}
    forecast:
      description: Who controls the port and how fast
      dimensions:
    \(dimensions)
      actors:
    \(actors)
    """
}

/// The actors of ``harbourScenario`` with one line replaced (0-based).
func harbourActors(replacing index: Int, with line: String) -> String {
    let lines = [
        "    - {id: city, name: City, capability: 40, positions: {control: 80, speed: 20}, saliences: {control: 30, speed: 50}}",
        "    - {id: port, name: Port, capability: 60, positions: {control: 30, speed: 70}, saliences: {control: 45, speed: 45}}",
        "    - {id: union, name: Union, capability: 25, positions: {control: 50, speed: 50}, saliences: {control: 60, speed: 10}}",
        "    - {id: region, name: Region, capability: 35, positions: {control: 65, speed: 40}, saliences: {control: 40, speed: 40}}",
    ]
    var replaced = lines
    replaced[index] = line
    return replaced.joined(separator: "\n")
}

@Suite struct ScenarioForecastSectionTests {
    @Test func theSectionIsReadIntoASpatialScenario() throws {
        let document = try ScenarioLoader.parseDocument(harbourScenario(), file: "harbour.yaml")
        let forecast = try #require(document.forecast)
        #expect(forecast.name == "Harbour Deal")
        #expect(forecast.description == "Who controls the port and how fast")
        #expect(forecast.dimensions == ["Control", "speed"])
        #expect(forecast.actors.map(\.name) == ["City", "Port", "Union", "Region"])
        #expect(forecast.actors[0].description == "City council")
        #expect(forecast.actors.map(\.capability) == [40, 60, 25, 35])
        #expect(forecast.actors[3].positions == [65, 40])
        #expect(forecast.actors[2].saliences == [60, 10])
        try forecast.validate()
        // The same scenario as the KTAB CSV layout gives.
        let csv = try KTABCSVReader.parse(
            """
            Harbour Deal, Who controls the port and how fast, 4, 2
            Actor, Description, Power, Control, Sal1, speed, Sal2
            City, City council, 40, 80, 30, 20, 50
            Port, , 60, 30, 45, 70, 45
            Union, , 25, 50, 60, 50, 10
            Region, , 35, 65, 40, 40, 40
            """)
        #expect(csv == forecast)
    }

    @Test func aScenarioWithoutTheSectionHasNoForecast() throws {
        let text = harbourScenario().components(separatedBy: "forecast:")[0]
        #expect(try ScenarioLoader.parseDocument(text).forecast == nil)
    }

    @Test func loadForecastReportsAMissingSectionAtItsKeyPath() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("accord-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: scratch) }
        try harbourScenario().components(separatedBy: "forecast:")[0].write(
            to: scratch, atomically: true, encoding: .utf8)
        #expect(throws: ScenarioError.self) { try ScenarioLoader.loadForecast(path: scratch.path) }
        do {
            _ = try ScenarioLoader.loadForecast(path: scratch.path)
        } catch {
            guard case .invalid(_, let problems) = error else { throw error }
            #expect(problems.map(\.path) == ["forecast"])
            #expect(problems[0].message.contains("no forecast section"))
        }
        try harbourScenario().write(to: scratch, atomically: true, encoding: .utf8)
        #expect(try ScenarioLoader.loadForecast(path: scratch.path).actors.count == 4)
    }

    @Test(arguments: [
        (
            harbourScenario(
                actors: harbourActors(replacing: 0, with: "").split(separator: "\n").prefix(2).joined(separator: "\n")),
            "forecast.actors", "has 2 actors; the spatial model needs at least 3"
        ),
        (
            harbourScenario(
                actors: harbourActors(
                    replacing: 0,
                    with:
                        "    - {id: city, capability: 40, positions: {control: 80, speed: 20}, saliences: {control: 60, speed: 50}}"
                )), "forecast.actors[0] (city).saliences", "sum to 110"
        ),
        (
            harbourScenario(
                actors: harbourActors(
                    replacing: 0,
                    with:
                        "    - {id: city, capability: 40, positions: {control: 80, speed: 20}, saliences: {control: 0, speed: 0}}"
                )), "forecast.actors[0] (city).saliences", "are all 0"
        ),
        (
            harbourScenario(
                actors: harbourActors(
                    replacing: 1,
                    with:
                        "    - {id: port, capability: 60, positions: {control: 101, speed: 70}, saliences: {control: 45, speed: 45}}"
                )), "forecast.actors[1] (port).positions.control", "101 is outside 0–100"
        ),
        (
            harbourScenario(
                actors: harbourActors(
                    replacing: 2,
                    with:
                        "    - {id: union, capability: 25, positions: {control: 50, speed: 50, depth: 3}, saliences: {control: 60, speed: 10}}"
                )), "forecast.actors[2] (union).positions.depth", "there is no dimension 'depth'"
        ),
        (
            harbourScenario(
                actors: harbourActors(
                    replacing: 3,
                    with:
                        "    - {id: region, capability: 35, positions: {control: 65, speed: 40}, saliences: {control: 40}}"
                )), "forecast.actors[3] (region).saliences", "gives no salience for dimension(s) speed"
        ),
        (
            harbourScenario(
                actors: harbourActors(
                    replacing: 0,
                    with:
                        "    - {id: city, capability: 0, positions: {control: 80, speed: 20}, saliences: {control: 30, speed: 50}}"
                )), "forecast.actors[0] (city).capability", "positive number, found 0"
        ),
        (
            harbourScenario(
                actors: harbourActors(
                    replacing: 0,
                    with:
                        "    - {id: city, capability: many, positions: {control: 80, speed: 20}, saliences: {control: 30, speed: 50}}"
                )), "forecast.actors[0] (city).capability", "expected a number"
        ),
        (
            harbourScenario(
                actors: harbourActors(
                    replacing: 0,
                    with:
                        "    - {id: city, power: 40, positions: {control: 80, speed: 20}, saliences: {control: 30, speed: 50}}"
                )), "forecast.actors[0] (city).power", "unknown key"
        ),
        (
            harbourScenario(
                actors: harbourActors(
                    replacing: 1,
                    with:
                        "    - {id: city, capability: 60, positions: {control: 30, speed: 70}, saliences: {control: 45, speed: 45}}"
                )), "forecast.actors[1] (city).id", "used by an earlier actor"
        ),
        (harbourScenario(dimensions: "    - control\n    - control"), "forecast.dimensions[1]", "used by an earlier"),
        (harbourScenario(dimensions: "    []"), "forecast.dimensions", "at least one dimension"),
        (
            harbourScenario().replacingOccurrences(of: "  description: Who", with: "  power: Who"), "forecast.power",
            "unknown key"
        ),
    ])
    func aBrokenSectionIsReportedAtItsKeyPath(text: String, path: String, fragment: String) throws {
        do {
            _ = try ScenarioLoader.parseDocument(text, file: "harbour.yaml")
            Issue.record("expected the scenario to be rejected")
        } catch {
            guard case .invalid(_, let problems) = error else { throw error }
            let problem = try #require(problems.first { $0.path == path }, "\(problems)")
            #expect(problem.message.contains(fragment), "\(problem)")
        }
    }

    @Test func theTopLevelAcceptsForecastAndTheSectionMustBeAMapping() throws {
        let text = harbourScenario().components(separatedBy: "forecast:")[0] + "forecast: [1, 2]\n"
        do {
            _ = try ScenarioLoader.parse(text)
            Issue.record("expected the scenario to be rejected")
        } catch {
            guard case .invalid(_, let problems) = error else { throw error }
            #expect(problems.map(\.path) == ["forecast"])
            #expect(problems[0].message.contains("expected a mapping"))
        }
    }
}
