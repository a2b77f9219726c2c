import AccordKit
import Foundation
import Synchronization
import Testing

/// Four actors on two dimensions in KTAB's CSV layout.
private let harbourCSV = """
    Harbour Deal, Who controls the port and how fast, 4, 2,
    Actor, Description, Power, Control, Sal1, Speed, Sal2,
    City, City council, 40, 80, 30, 20, 50,
    Port, Port authority, 60, 30, 45, 70, 45,
    Union, Dock workers, 25, 50, 60, 50, 10,
    Region, Regional government, 35, 65, 40, 40, 40,

    """

/// ``harbourCSV`` as the `forecast:` section of an Accord scenario.
private let harbourYAML = """
    accord: 1
    name: Harbour Deal
    issues:
      - {id: control, options: [city, port]}
    parties:
      - {id: city, weights: {control: 1}, values: {control: {city: 1, port: 0}}}
    forecast:
      description: Who controls the port and how fast
      dimensions: [Control, Speed]
      actors:
        - {id: City, capability: 40, positions: {Control: 80, Speed: 20}, saliences: {Control: 30, Speed: 50}}
        - {id: Port, capability: 60, positions: {Control: 30, Speed: 70}, saliences: {Control: 45, Speed: 45}}
        - {id: Union, capability: 25, positions: {Control: 50, Speed: 50}, saliences: {Control: 60, Speed: 10}}
        - {id: Region, capability: 35, positions: {Control: 65, Speed: 40}, saliences: {Control: 40, Speed: 40}}

    """

@Suite struct ForecastRequestTests {
    /// `accord forecast` without options: berlin-2025 on territory. The numbers are those the CLI prints.
    @Test func theDefaultForecastsBerlinOnTerritory() async throws {
        let result = try await ForecastRequest().run()
        let json = result.render(.json)
        #expect(
            json.hasPrefix("{\n  \"scenario\": {\n    \"name\": \"Berlin talks on guarantees for Ukraine (Dec 2025)\""))
        #expect(json.contains("\"dimensions\": [\"Donbas territory\"]"))
        #expect(json.contains("\"turnCount\": 4,"))
        #expect(json.contains("\"lastFractionalChange\": 0.0012247071352503088,"))
        #expect(json.contains("\"expectedPosition\": [82.89158718970492],"))
        #expect(json.contains("\"seed\": null"))
        #expect(json.hasSuffix("}\n"))
        let text = result.render(.text)
        #expect(text.hasPrefix("Berlin talks on guarantees for Ukraine (Dec 2025): spatial model forecast\n"))
        #expect(
            text.contains(
                "  Donbas territory      82.9                 82.9           67.6            100.0              100.0\n"
            ))
        #expect(result.forecast.turnCount == 4)
    }

    /// army_cap runs from 400 to 900 thousand troops: the expected 6.95 on 0–100 is 400 + 0.0695 × 500 = 434.75.
    @Test func aNumericIssueIsForecastInItsOwnUnits() async throws {
        let result = try await ForecastRequest(issues: ["army_cap"]).run()
        let text = result.render(.text)
        #expect(text.contains("  army_cap (thousand troops)       435                  435            591"))
        let forecast = try #require(try forecastJSON(result))
        let expectedPosition = try #require(forecast["expectedPosition"] as? [Double])
        #expect(expectedPosition.count == 1 && abs(expectedPosition[0] - 6.95) < 1e-9, "the 0–100 numbers stay")
        let units = try #require((forecast["inIssueUnits"] as? [[String: Any]])?.first)
        #expect(units["unit"] as? String == "thousand troops")
        #expect(units["range"] as? [Double] == [400, 900])
        let expected = try #require(units["expected"] as? [String: Any])
        #expect(abs((expected["value"] as? Double ?? 0) - 434.75) < 1e-9)
        #expect(expected["nearestLevel"] as? String == "450")
    }

    /// Territory's options sit at 0, 33.3, 66.7 and 100: the expected 82.9 is nearer demilitarised_zone (66.7)
    /// than cede_donbas (100); the weighted median, 100, is cede_donbas.
    @Test func anIssueOfOptionsNamesTheNearestOption() async throws {
        let result = try await ForecastRequest().run()
        #expect(
            result.render(.text).contains(
                "  territory  demilitarised_zone (66.7)  demilitarised_zone (66.7)  demilitarised_zone (66.7)  "
                    + "cede_donbas (100.0)"))
        let forecast = try #require(try forecastJSON(result))
        let units = try #require((forecast["inIssueUnits"] as? [[String: Any]])?.first)
        let expected = try #require(units["expected"] as? [String: Any])
        #expect(expected["value"] is NSNull)
        #expect(expected["nearestLevel"] as? String == "demilitarised_zone")
        #expect((units["weightedMedian"] as? [String: Any])?["nearestLevel"] as? String == "cede_donbas")
    }

    @Test func aKTABFileHasNoIssueUnits() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let result = try await ForecastRequest(input: .ktabCSV(try scratch.file("harbour.csv", harbourCSV))).run()
        #expect(try forecastJSON(result)?["inIssueUnits"] is NSNull)
        #expect(!result.render(.text).contains("own units"))
    }

    /// The `forecast` object of the JSON report.
    private func forecastJSON(_ result: ForecastResult) throws -> [String: Any]? {
        let root = try JSONSerialization.jsonObject(with: Data(result.render(.json).utf8)) as? [String: Any]
        return root?["forecast"] as? [String: Any]
    }

    @Test func theDefaultIssueIsTheSameAsNamingIt() async throws {
        let named = ForecastRequest(input: .scenario(.bundled("berlin-2025")), issues: ["territory"])
        #expect(try await named.run().render(.json) == ForecastRequest().run().render(.json))
    }

    /// The same actors from a KTAB CSV file and from a scenario's `forecast:` section forecast alike.
    @Test func aKTABFileAndAForecastSectionGiveTheSameRun() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let csv = try await ForecastRequest(input: .ktabCSV(try scratch.file("harbour.csv", harbourCSV))).run()
        let section = try await ForecastRequest(input: .scenario(.text(harbourYAML, file: "harbour.yaml"))).run()
        #expect(csv.forecast.positions == section.forecast.positions)
        #expect(csv.forecast.scenario.dimensions == ["Control", "Speed"])
        #expect(csv.render(.text).hasPrefix("Harbour Deal: spatial model forecast\n"))
    }

    @Test func progressIsReportedInTurnsUpToTheEnd() async throws {
        let monitor = RecordingMonitor()
        let result = try await ForecastRequest().run(monitor: monitor)
        let turns = result.forecast.turnCount
        #expect(monitor.progress.map(\.done) == Array(1...turns) + [turns])
        #expect(monitor.progress.dropLast().allSatisfy { $0.total == 100 && $0.unit == "turns" })
        #expect(monitor.progress.last == RunProgress(done: turns, total: turns, unit: "turns"))
    }

    /// A cancellation seen after turn 2 stops the run before turn 3.
    @Test func aCancelledRunStopsBetweenTurns() async throws {
        let monitor = RecordingMonitor(cancelAfter: 2)
        let model = SpatialModelParameters(maximumTurns: 50, minimumTurns: 50, stoppingRatio: 0)
        await #expect(throws: RunCancelled()) {
            _ = try await ForecastRequest(model: model).run(monitor: monitor)
        }
        #expect(monitor.progress.map(\.done) == [1, 2])
    }

    @Test func stochasticRunsRepeatWithTheirSeedAndReportIt() async throws {
        let model = SpatialModelParameters(stateTransitions: .stochastic)
        let first = try await ForecastRequest(model: model, seed: 11).run().render(.json)
        #expect(try await ForecastRequest(model: model, seed: 11).run().render(.json) == first)
        #expect(first.contains("\"seed\": \"11\""))
    }

    @Test(
        arguments: [
            (
                ForecastRequest(input: .ktabCSV("x.csv"), issues: ["territory"]),
                "--issue applies to Accord scenarios; 'x.csv' is a KTAB CSV file."
            ),
            (
                ForecastRequest(input: .scenario(.bundled("job-offer"))),
                "job-offer has no forecast: section; forecast one of its issues with --issue ID (issues: salary, "
                    + "vacation, start_date, remote, signing_bonus)."
            ),
            (
                ForecastRequest(input: .scenario(.geniusFolder("/tmp"))),
                "/tmp: unknown input type; forecast reads a KTAB .csv file or an Accord scenario (.yaml, .yml, .json)."
            ),
            (
                ForecastRequest(model: SpatialModelParameters(maximumTurns: 0)),
                "--max-turns must be between 1 and 10,000, found 0."
            ),
            (ForecastRequest(clusterDistance: -1), "--cluster-distance must be a number of at least 0, found -1.0."),
        ])
    func badRequestsSayWhy(request: ForecastRequest, sentence: String) async {
        await #expect {
            _ = try await request.run()
        } throws: { error in
            (error as? RequestError)?.sentence == sentence
        }
    }

    @Test func anUnknownIssueIsTheMappingsError() async {
        await #expect(throws: IssueAxisError.self) {
            _ = try await ForecastRequest(issues: ["nosuch"]).run()
        }
    }

    @Test func theInputArgumentTellsKTABFilesFromScenarios() throws {
        #expect(try ForecastInput(argument: "runs/SOE.CSV") == .ktabCSV("runs/SOE.CSV"))
        #expect(try ForecastInput(argument: "job-offer") == .scenario(.bundled("job-offer")))
        #expect(try ForecastInput(argument: "talks.yaml") == .scenario(.file("talks.yaml")))
    }

    @Test func theRunRecordKeepsTheSwitchesByTheirCLINames() async throws {
        let request = ForecastRequest(model: SpatialModelParameters(votingRule: .cubic, maximumTurns: 30), seed: 5)
        let (record, _) = await OperationRunner.record(request)
        #expect(record.status == .succeeded)
        #expect(record.operation == .forecast)
        #expect(record.parameters.contains("\"votingRule\":\"cubic\""))
        #expect(record.parameters.contains("\"maxTurns\":30"))
        #expect(record.parameters.contains("\"input\":null"))
        #expect(record.inputFingerprint == ScenarioSource.default.fingerprint())
    }
}
