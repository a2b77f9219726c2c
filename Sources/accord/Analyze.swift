import AccordKit
import ArgumentParser
import Foundation

/// `accord analyze`: the exact analysis of a scenario.
struct Analyze: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find the agreement zone, the Pareto frontier, the bargaining solutions, who blocks, and the gaps.")

    @OptionGroup var input: ScenarioArgument
    @OptionGroup var output: OutputOption
    @OptionGroup var charts: ChartsOption

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

    @OptionGroup var lists: AnalyzeListOptions

    @Option(
        help:
            "Monte Carlo draws of the scenario's uncertain numbers (default 10,000 when it has any; at most 10,000,000)."
    )
    var samples: Int?

    @Option(help: "The random seed of the Monte Carlo draws; the same seed gives the same result.")
    var seed: UInt64 = 1

    @Flag(
        help: "Estimate every package's chance of being in the zone, not only the tracked ones' (slow on large spaces)."
    )
    var allPackages = false

    @OptionGroup var progress: ProgressOptions

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
            _ = try Self.pair(plot)
        }
    }

    /// The two distinct, non-empty party ids of `--plot x,y`.
    static func pair(_ text: String) throws -> PartyPair {
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
        return PartyPair(x: ids[0], y: ids[1])
    }

    func run() async throws {
        let request = AnalysisRequest(
            source: try input.source(), issues: issues.map { $0.split(separator: ",").map(String.init) },
            plot: try plot.map(Self.pair), maxOutcomes: maxOutcomes, round: round, date: date,
            diagnosticsLimit: diagnosticsLimit, sensitivityLimit: lists.sensitivityLimit, limit: lists.limit,
            exportZone: lists.exportZone, exportFrontier: lists.exportFrontier, samples: samples, seed: seed,
            parity: parity, parallelism: ProcessInfo.processInfo.activeProcessorCount,
            tracksEveryPackage: allPackages)
        let result = try await progress.run(request)
        try output.deliver(result.render(format))
        try charts.export(result)
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
