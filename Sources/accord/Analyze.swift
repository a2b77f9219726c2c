import AccordCore
import AccordFormats
import AccordReport
import ArgumentParser
import Foundation

/// `accord analyze`: the exact analysis of a scenario.
struct Analyze: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find the agreement zone, the Pareto frontier, the bargaining solutions, who blocks, and the gaps.")

    @OptionGroup var input: ScenarioArgument

    @Option(help: "Output format: text, json, markdown or html (one self-contained page with SVG charts).")
    var format: ReportFormat = .text

    @Option(
        help: ArgumentHelp(
            "The two parties of the HTML utility-space chart, as x,y party ids (default: the pair with the largest total position gap).",
            valueName: "x,y"))
    var plot: String?

    @Option(help: "The most outcomes to enumerate before refusing.")
    var maxOutcomes: Int = AnalysisOptions().maxOutcomes

    @Option(
        help:
            "Analyse only these issues (comma-separated ids), as if the others were settled elsewhere; weights are renormalised over them."
    )
    var issues: String?

    @Flag(
        help: "Also report GENIUS's opposition and bid distribution (costs outcomes × frontier size distance checks)."
    )
    var parity = false

    @Option(
        help:
            "Analyse only the options still available in this round (options past their available_until round are removed)."
    )
    var round: Int?

    @Option(help: "Analyse only the options still available on this date (YYYY-MM-DD).")
    var date: String?

    @Option(
        help:
            "The most outcome checks to spend on diagnostics (coalitions, reservation thresholds) before leaving them out."
    )
    var diagnosticsLimit: Int = AnalysisOptions().diagnosticsWorkLimit

    @Option(
        help:
            "Monte Carlo draws of the scenario's uncertain numbers (default 10,000 when it has any; at most 10,000,000)."
    )
    var samples: Int?

    @Option(help: "The random seed of the Monte Carlo draws; the same seed gives the same result.")
    var seed: UInt64 = 1

    func validate() throws {
        guard maxOutcomes >= 1 else {
            throw ValidationError("--max-outcomes must be at least 1, found \(maxOutcomes).")
        }
        if let round, round < 1 { throw ValidationError("--round must be at least 1, found \(round).") }
        guard diagnosticsLimit >= 0 else {
            throw ValidationError("--diagnostics-limit must be at least 0, found \(diagnosticsLimit).")
        }
        if let samples, !(1...AcceptanceOptions.maximumSamples).contains(samples) {
            throw ValidationError("--samples must be between 1 and 10,000,000, found \(samples).")
        }
        if let date, !isISODate(date) {
            throw ValidationError("--date must be a date of the form YYYY-MM-DD, found '\(date)'.")
        }
        if let plot {
            guard format == .html else {
                throw ValidationError("--plot chooses the parties of the HTML chart; use it with --format html.")
            }
            _ = try plotIDs(plot)
        }
    }

    /// The two party ids of `--plot x,y`, distinct and non-empty.
    func plotIDs(_ text: String) throws -> (x: String, y: String) {
        let ids = text.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard ids.count == 2, !ids[0].isEmpty, !ids[1].isEmpty else {
            throw ValidationError(
                "--plot takes two party ids separated by a comma, such as us,russia; found '\(text)'.")
        }
        guard ids[0] != ids[1] else {
            throw ValidationError("--plot needs two different parties, found '\(ids[0])' twice.")
        }
        return (ids[0], ids[1])
    }

    /// The party indices of `--plot`, or `nil` for the default pair.
    func plotPair(in scenario: Scenario) throws -> (x: Int, y: Int)? {
        guard let plot else { return nil }
        let ids = try plotIDs(plot)
        let known = scenario.parties.map(\.id).joined(separator: ", ")
        guard let x = scenario.partyIndex(of: ids.x) else {
            throw CLIError("--plot: there is no party '\(ids.x)'; parties are: \(known).")
        }
        guard let y = scenario.partyIndex(of: ids.y) else {
            throw CLIError("--plot: there is no party '\(ids.y)'; parties are: \(known).")
        }
        return (x, y)
    }

    func run() async throws {
        var scenario = try input.load()
        if let issues {
            let ids = issues.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty
            }
            do {
                scenario = try scenario.restricted(to: ids)
            } catch {
                throw CLIError("--issues: \(error.description).")
            }
        }
        let plotPair = try plotPair(in: scenario)
        let analysis = try scenario.analyze(
            options: AnalysisOptions(
                maxOutcomes: maxOutcomes, round: round, date: date, diagnosticsWorkLimit: diagnosticsLimit))
        var acceptance: AcceptanceAnalysis?
        if scenario.hasUncertainty || samples != nil {
            let options = AcceptanceOptions(
                samples: samples ?? 10_000, seed: seed, parallelism: ProcessInfo.processInfo.activeProcessorCount,
                round: round, date: date)
            acceptance = try await scenario.acceptance(options: options)
        }
        let report = AnalysisReport(
            analysis, acceptance: acceptance, parity: parity ? try analysis.parityMetrics() : nil)
        emit(format == .html ? report.html(plot: plotPair) : report.render(format))
    }
}

/// Whether the text is a date of the form YYYY-MM-DD.
func isISODate(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
        let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil
    else { return false }
    return (1...12).contains(month) && (1...31).contains(day)
}
