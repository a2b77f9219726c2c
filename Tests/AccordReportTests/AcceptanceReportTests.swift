import AccordCore
import AccordFormats
import AccordReport
import Foundation
import Testing

/// Acceptance under uncertainty is reported as a probability only where the draws can change it (issue #12,
/// "empty uncertainty bullets"): in Berlin, the United States and Europe have certain numbers, and the US 28-point
/// plan crosses Ukraine's red line, so those verdicts are plain.
@Suite struct AcceptanceReportTests {
    static func berlin() async throws -> AnalysisReport {
        let scenario = try ScenarioLoader.bundled("berlin-2025")
        let acceptance = try await scenario.acceptance(options: AcceptanceOptions(samples: 1_000, seed: 3))
        return AnalysisReport(try scenario.analyze(), acceptance: acceptance)
    }

    @Test func theTextGivesProbabilitiesOnlyWhereTheDrawsCanChangeTheVerdict() async throws {
        let text = try await Self.berlin().render(.text)
        // Ukraine's numbers are uncertain, but the plan crosses its red line: no probability in the summary.
        #expect(!text.contains("Under uncertainty, Ukraine accepts us_28_point_plan"))
        #expect(!text.contains("Under uncertainty, United States"))
        #expect(!text.contains("Under uncertainty, Europe"))
        #expect(text.contains("Under uncertainty, Russia accepts berlin_framework with probability 0.00 % (0.00–0.38)"))
        #expect(text.contains("1,000 draws of the uncertain numbers of Ukraine and Russia (seed 3)"))
        #expect(text.contains("United States and Europe have no uncertain numbers."))
        let row = try #require(
            text.split(separator: "\n").first { $0.hasPrefix("  us_28_point_plan    ") && $0.contains("%") })
        let cells = row.split(separator: " ").map(String.init)
        // us, ukraine (red line), europe (certain and red line): verdicts; russia: a probability; all: rejects.
        #expect(Array(cells[1...3]) == ["accepts", "rejects", "rejects"], "\(row)")
        #expect(cells.last == "rejects", "\(row)")
    }

    @Test func theJSONMarksTheUncertainPartiesAndVerdicts() async throws {
        let json = try await Self.berlin().render(.json)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(root["uncertainParties"] as? [String] == ["ukraine", "russia"])
        let proposals = try #require(root["proposals"] as? [[String: Any]])
        let uncertain = proposals.map { $0["uncertainAcceptance"] as? [String] }
        #expect(uncertain == [["russia"], ["ukraine", "russia"], ["ukraine", "russia"]])
        // The probabilities stay, for scripts that read them.
        let plan = try #require(proposals.first?["acceptanceProbability"] as? [String: Any])
        #expect((plan["us"] as? [String: Double])?["p"] == 1)
    }

    @Test func theChartLeavesOutTheCertainVerdicts() async throws {
        let html = try await Self.berlin().html()
        #expect(html.contains("those of the parties with no uncertain numbers (United States and Europe)"))
        // Bars: Russia for the plan (Ukraine crosses a red line), Ukraine and Russia for the two others, and one
        // "all parties" bar per proposal, each with its title, and the chart's own title.
        let chart = try #require(html.range(of: "id=\"chart-acceptance\"").map { String(html[$0.lowerBound...]) })
        let svg = String(chart[..<(chart.range(of: "</svg>")?.upperBound ?? chart.endIndex)])
        #expect(svg.components(separatedBy: "<title>").count - 1 == 9, "\(svg.prefix(400))")
    }
}
