import AccordKit
import Foundation
import Testing

/// Two parties with no uncertain number.
private let certainYAML = """
    accord: 1
    name: Certain
    issues:
      - {id: a, options: [x, y]}
    parties:
      - {id: p, weights: {a: 1}, values: {a: {x: 1, y: 0}}, reservation: 0.5}
      - {id: q, weights: {a: 1}, values: {a: {x: 0.6, y: 1}}, reservation: 0.5}
    """

/// A package of berlin-2025 Russia rejects at nominal values (margin −0.368).
private let berlinPackage =
    "guarantee=article5_like,territory=freeze_contact_line,army_cap=800,sanctions=phased_relief,"
    + "frozen_assets=reparations_loan"

@Suite struct EvaluationUncertaintyTests {
    @Test(arguments: ReportFormat.allCases)
    func nominalValuesAreNamedInEveryFormat(_ format: ReportFormat) async throws {
        let request = EvaluationRequest(package: try PackageChoice(parsing: berlinPackage))

        let report = try await request.run().render(format).replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&#39;", with: "'")

        // berlin-2025: Ukraine's reservation is uniform over 0.35–0.55; Russia has uncertain weights, values and
        // reservation.
        #expect(
            report.contains(
                "Ukraine's reservation and Russia's weights, values and reservation are uncertain; this evaluation "
                    + "uses their nominal values"))
        #expect(report.contains("--samples N"))
    }

    @Test func aCertainScenarioHasNoNote() async throws {
        let request = EvaluationRequest(
            source: .text(certainYAML, file: "certain.yaml"), package: try PackageChoice(parsing: "a=x"))

        let result = try await request.run()

        #expect(!result.render(.text).contains("nominal"))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(result.render(.json).utf8)) as? [String: Any])
        #expect(json["valuesNote"] is NSNull)
        #expect(json["uncertainParties"] as? [String] == [])
        #expect(json["acceptance"] is NSNull)
    }

    /// The draws are those of `accord analyze`: a proposal judged with the same samples and seed gets the same
    /// counts, party by party and for all at once.
    @Test func samplesGiveTheAnalysisProbabilitiesOfAProposal() async throws {
        let scenario = try ScenarioSource.default.scenario()
        let analysis = try await AnalysisRequest(samples: 1_500, seed: 7).run()
        guard case .analysis(let report) = analysis.content else { Issue.record("no analysis"); return }
        let sampled = try #require(report.acceptance?.proposals.first)
        let choices = scenario.space.issues.indices.map { issue in
            PackageChoice.Choice(
                issue: scenario.space.issues[issue].id,
                option: scenario.space.issues[issue].label(ofLevel: sampled.outcome.levels[issue]))
        }

        let result = try await EvaluationRequest(package: PackageChoice(choices), samples: 1_500, seed: 7).run()

        let acceptance = try #require(result.report.acceptance)
        #expect(acceptance.parties == sampled.parties)
        #expect(acceptance.all == sampled.all)
        #expect(acceptance.isUncertain == [false, true, false, true])
    }

    @Test func samplesAreReportedPerUncertainPartyAndForAll() async throws {
        let request = EvaluationRequest(package: try PackageChoice(parsing: berlinPackage), samples: 2_000)
        let monitor = RecordingMonitor()

        let result = try await request.run(monitor: monitor)

        let text = result.render(.text)
        #expect(text.contains("The probabilities below come from 2,000 draws (seed 1) of the uncertain numbers."))
        #expect(text.contains("  United States  accepts (no uncertain numbers)\n"))
        #expect(text.contains("  Russia         0.00 % (0.00–0.19)\n"))
        #expect(text.contains("  all parties    0.00 % (0.00–0.19)\n"))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(result.render(.json).utf8)) as? [String: Any])
        let acceptance = try #require(json["acceptance"] as? [String: Any])
        #expect(acceptance["samples"] as? Int == 2_000)
        let probability = try #require(acceptance["probability"] as? [String: [String: Double]])
        #expect(probability["ukraine"]?["p"] == 1)
        #expect(probability["all"]?["p"] == 0)
        #expect(monitor.progress.last == RunProgress(done: 2_000, total: 2_000, unit: "draws"))
    }

    @Test(arguments: [0, 10_000_001])
    func aSampleCountOutOfRangeIsABadRequest(_ samples: Int) async throws {
        let request = EvaluationRequest(package: try PackageChoice(parsing: "territory=cede_donbas"), samples: samples)

        await #expect(throws: RequestError("--samples must be between 1 and 10,000,000, found \(samples).")) {
            try await request.run()
        }
    }

    @Test func aSimulationSaysItUsesTheNominalValues() async throws {
        let result = try await SimulationRequest(rounds: 10).run()

        #expect(
            result.report.notes.contains {
                $0.hasPrefix(
                    "Ukraine's reservation and Russia's weights, values and reservation are uncertain; the "
                        + "simulation uses their nominal values")
            })
        #expect(result.render(.json).contains("no draw is made"))
    }
}
