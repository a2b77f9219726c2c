import Foundation
import Testing

/// A small invented scenario in KTAB's CSV layout: four actors on two dimensions.
let harbourCSV = """
    Harbour Deal, Who controls the port and how fast, 4, 2,
    Actor, Description, Power, Control, Sal1, Speed, Sal2,
    City, City council, 40, 80, 30, 20, 50,
    Port, Port authority, 60, 30, 45, 70, 45,
    Union, Dock workers, 25, 50, 60, 50, 10,
    Region, Regional government, 35, 65, 40, 40, 40,

    """

/// ``harbourCSV`` as the `forecast:` section of an Accord scenario.
let harbourYAML = """
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

/// ``harbourCSV`` with line `line` (1-based) replaced.
func harbourCSV(replacingLine line: Int, with text: String) -> String {
    var lines = harbourCSV.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    lines[line - 1] = text
    return lines.joined(separator: "\n")
}

/// The KTAB conformance folder beside the package root, nil when absent.
let sharedKTABFolder: URL? = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let folder = root.deletingLastPathComponent().appendingPathComponent("shared/conformance/ktab")
    return FileManager.default.fileExists(atPath: folder.path) ? folder : nil
}()

@Suite struct ForecastCLITests {
    private func forecast(_ csv: String, _ options: [String] = []) throws -> ToolRun {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        return try AccordTool.run(["forecast", try scratch.file("harbour.csv", csv)] + options)
    }

    /// A folder or a file of another type is named as such, with what forecast reads.
    @Test func otherInputsAreRefusedWithWhatForecastReads() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        for input in [scratch.url.path, try scratch.file("notes.txt", "x")] {
            let run = try AccordTool.run(["forecast", input])
            #expect(run.status == 2, "\(run)")
            #expect(
                run.stderrLines == [
                    "accord: \(input): unknown input type; forecast reads a KTAB .csv file or an Accord scenario (.yaml, .yml, .json)."
                ])
        }
    }

    @Test func textReportShowsTheForecastTheBaselinesAndEveryTurn() throws {
        let run = try forecast(harbourCSV)
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.hasPrefix("Harbour Deal: spatial model forecast\n"))
        #expect(run.stdout.contains("KTAB's default configuration."))
        #expect(run.stdout.contains("Converged after "))
        #expect(run.stdout.contains("weighted mean  weighted median"))
        #expect(run.stdout.contains("\nPositions on Control by turn\n"))
        #expect(run.stdout.contains("\nPositions on Speed by turn\n"))
        #expect(run.stdout.contains("\nWinning probability by turn\n"))
    }

    @Test func markdownReportHasHeadingsAndTables() throws {
        let run = try forecast(harbourCSV, ["--format", "markdown"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.hasPrefix("# Harbour Deal: spatial model forecast\n"))
        #expect(run.stdout.contains("\n## Forecast\n"))
        #expect(run.stdout.contains("| dimension | expected | most likely cluster | weighted mean | weighted median |"))
    }

    @Test func jsonKeepsTheContract() throws {
        let run = try forecast(harbourCSV, ["--format", "json"])
        #expect(run.status == 0, "\(run)")
        let root = try #require(try parseJSON(run.stdout) as? [String: Any])
        for key in ["scenario", "model", "parameters", "turnCount", "stop", "forecast", "baselines", "states"] {
            #expect(root[key] != nil, "missing \(key)")
        }
        let turnCount = try #require(root["turnCount"] as? Int)
        let states = try #require(root["states"] as? [[String: Any]])
        #expect(states.count == turnCount + 1)
        #expect(states[0]["fractionalChange"] is NSNull)
        let positions = try #require(states[0]["positions"] as? [[Double]])
        #expect(positions == [[80, 20], [30, 70], [50, 50], [65, 40]])
        #expect((states[turnCount]["winningProbabilities"] as? [Double])?.count == 4)
        let stop = try #require(root["stop"] as? [String: Any])
        #expect(stop["reason"] as? String == "converged")
        let parameters = try #require(root["parameters"] as? [String: Any])
        #expect(parameters["votingRule"] as? String == "proportional")
        #expect(parameters["seed"] is NSNull)
        let forecast = try #require(root["forecast"] as? [String: Any])
        for key in ["expectedPosition", "mostLikelyCluster", "clusterDistance", "distinctPositions", "clusters"] {
            #expect(forecast[key] != nil, "missing forecast.\(key)")
        }
        let cluster = try #require(forecast["mostLikelyCluster"] as? [String: Any])
        #expect((cluster["centre"] as? [Double])?.count == 2)
        let baselines = try #require(root["baselines"] as? [String: Any])
        // Control: weights 1200, 2700, 1500, 1400 at 80, 30, 50, 65 (total 6800); cumulative 2700, 4200 > 3400 → 50.
        // Speed: weights 2000, 2700, 250, 1400 at 20, 70, 50, 40 (total 6350); cumulative 2000, 3400 > 3175 → 40.
        #expect(baselines["weightedMedian"] as? [Double] == [50, 40])
        let means = try #require(baselines["weightedMean"] as? [Double])
        #expect(abs(means[0] - (96_000 + 81_000 + 75_000 + 91_000) / 6_800.0) < 1e-9)
    }

    @Test func switchesAreOptionsAndStochasticRunsRepeatWithTheirSeed() throws {
        let options = ["--format", "json", "--transitions", "stochastic", "--seed", "42", "--voting-rule", "cubic"]
        let first = try forecast(harbourCSV, options)
        let second = try forecast(harbourCSV, options)
        #expect(first.status == 0, "\(first)")
        #expect(first.stdout == second.stdout)
        let root = try #require(try parseJSON(first.stdout) as? [String: Any])
        let parameters = try #require(root["parameters"] as? [String: Any])
        #expect(parameters["seed"] as? String == "42")
        #expect(parameters["stateTransitions"] as? String == "stochastic")
        #expect(parameters["votingRule"] as? String == "cubic")
    }

    @Test func maxTurnsCapsTheRunAndSaysSo() throws {
        let run = try forecast(harbourCSV, ["--max-turns", "1"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains("Stopped at the limit of 1 turns without converging"))
    }

    @Test(arguments: [
        (harbourCSV(replacingLine: 1, with: "Harbour, x, 5, 2"), 6, "declares 5 actors but has 4 actor rows"),
        (harbourCSV(replacingLine: 1, with: "Harbour, x, 4, 3"), 2, "the header has 7 fields"),
        (harbourCSV(replacingLine: 3, with: "City,,40,80,60,20,50"), 3, "saliences of City sum to 110"),
        (harbourCSV(replacingLine: 4, with: "Port,,60,101,45,70,45"), 4, "position of Port on Control is 101"),
        (harbourCSV(replacingLine: 1, with: "Harbour, x, 2, 2"), 1, "needs at least 3 actors"),
        (harbourCSV(replacingLine: 5, with: "Union,,25,fifty,60,50,10"), 5, "'fifty', is not a number"),
    ])
    func badCSVExitsWithTwoAndOneLineNamingTheLine(csv: String, line: Int, message: String) throws {
        let run = try forecast(csv)
        #expect(run.status == 2, "\(run)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderrLines.count == 1, "\(run)")
        let error = try #require(run.stderrLines.first)
        #expect(error.hasPrefix("accord: ") && error.contains("harbour.csv:\(line): ") && error.contains(message))
    }

    @Test(arguments: [
        (["forecast", "scenario.yaml"], "scenario.yaml: cannot read the file: no such file"),
        (["forecast", "berlin-2025"], "has no forecast: section; forecast one of its issues with --issue ID"),
        (["forecast", "--issue", "borders"], "there is no issue 'borders'; issues are: guarantee, territory"),
        (["forecast", "x.csv", "--issue", "territory"], "--issue applies to Accord scenarios"),
        (["forecast", "job-offer", "--issue", "salary"], "the spatial model needs at least 3 actors"),
        (["forecast", "/nonexistent/deal.csv"], "/nonexistent/deal.csv"),
        (["forecast", "x.csv", "--voting-rule", "loud"], "'asymmetricProspect'"),
        (["forecast", "x.csv", "--max-turns", "0"], "--max-turns must be between 1 and 10,000"),
        (["forecast", "x.csv", "--cluster-distance=-1"], "--cluster-distance must be a number of at least 0"),
    ])
    func badInvocationExitsWithTwo(arguments: [String], fragment: String) throws {
        let run = try AccordTool.run(arguments)
        #expect(run.status == 2, "\(run)")
        #expect(run.stderrLines.count == 1, "\(run)")
        #expect(run.stderr.contains(fragment), "\(run)")
    }

    @Test func withoutInputBerlinsTerritoryIsForecastWithTheFourPartiesClout() throws {
        let run = try AccordTool.run(["forecast", "--format", "json"])
        #expect(run.status == 0, "\(run)")
        let root = try #require(try parseJSON(run.stdout) as? [String: Any])
        for key in ["scenario", "model", "parameters", "turnCount", "stop", "forecast", "baselines", "states"] {
            #expect(root[key] != nil, "missing \(key)")
        }
        let scenario = try #require(root["scenario"] as? [String: Any])
        #expect(scenario["dimensions"] as? [String] == ["Donbas territory"])
        let actors = try #require(scenario["actors"] as? [[String: Any]])
        #expect(actors.map { $0["name"] as? String } == ["United States", "Ukraine", "Europe", "Russia"])
        #expect(actors.map { $0["capability"] as? Double } == [35, 10, 25, 30])
        #expect(actors.map { $0["positions"] as? [Double] } == [[100], [0], [0], [100]])
        let forecast = try #require(root["forecast"] as? [String: Any])
        let expected = try #require((forecast["expectedPosition"] as? [Double])?.first)
        #expect((0...100).contains(expected))
        let explicit = try AccordTool.run(["forecast", "berlin-2025", "--issue", "territory", "--format", "json"])
        #expect(explicit.stdout == run.stdout)
    }

    @Test func aScenarioFilesForecastSectionRunsLikeTheSameCSV() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let yaml = try scratch.file("harbour.yaml", harbourYAML)
        let fromYAML = try AccordTool.run(["forecast", yaml, "--format", "json"])
        #expect(fromYAML.status == 0, "\(fromYAML)")
        let fromCSV = try AccordTool.run(["forecast", try scratch.file("harbour.csv", harbourCSV), "--format", "json"])
        let states = { (run: ToolRun) throws -> [[String: Any]] in
            try #require((try parseJSON(run.stdout) as? [String: Any])?["states"] as? [[String: Any]])
        }
        let yamlPositions = try states(fromYAML).map { $0["positions"] as? [[Double]] }
        let csvPositions = try states(fromCSV).map { $0["positions"] as? [[Double]] }
        #expect(yamlPositions == csvPositions)
        #expect(yamlPositions.count > 1)
    }

    @Test func htmlDrawsOneChartPerDimensionAndTheFinalClustersWithoutScripts() throws {
        let run = try forecast(harbourCSV, ["--format", "html"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.components(separatedBy: "<svg").count - 1 == 3)
        #expect(run.stdout.contains("Positions on Control by turn"))
        #expect(run.stdout.contains("Positions on Speed by turn"))
        #expect(run.stdout.contains("Final positions and clusters"))
        #expect(!run.stdout.lowercased().contains("<script"))
        // Every actor in the legends, one line each on both dimensions.
        for name in ["City", "Port", "Union", "Region"] { #expect(run.stdout.contains(">\(name)</text>")) }
        // One line per actor per dimension, each titled with the actor's positions from turn 0.
        for start in ["City: 80.0 → ", "City: 20.0 → ", "Port: 30.0 → ", "Port: 70.0 → ", "Region: 40.0 → "] {
            #expect(run.stdout.components(separatedBy: "<title>\(start)").count - 1 == 1, "\(start)")
        }
        let berlin = try AccordTool.run(["forecast", "--format", "html"])
        #expect(berlin.status == 0, "\(berlin)")
        #expect(berlin.stdout.components(separatedBy: "<svg").count - 1 == 2)
    }

    @Test(.enabled(if: sharedKTABFolder != nil, "KTAB conformance data absent: ../shared/conformance/ktab/"))
    func forecastsKTABsReferenceScenario() throws {
        let path = try #require(sharedKTABFolder).appendingPathComponent("SOE-Pol-Comp.csv").path
        let run = try AccordTool.run(["forecast", path, "--format", "json"])
        #expect(run.status == 0, "\(run)")
        let root = try #require(try parseJSON(run.stdout) as? [String: Any])
        #expect(root["turnCount"] as? Int == 27)  // KTAB's reference log: 27 turns, the first change printed 0.9998
        let states = try #require(root["states"] as? [[String: Any]])
        let first = try #require(states[1]["fractionalChange"] as? Double)
        #expect(String(format: "%.4f", first) == "0.9998")
    }
}
