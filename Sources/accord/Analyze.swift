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

    @Option(help: ArgumentHelp("Make only shard k of n of the Monte Carlo draws (with --counts).", valueName: "k/n"))
    var shard: ShardOption?

    @Option(help: ArgumentHelp("The file a shard's counts go to, for accord merge.", valueName: "file"))
    var counts: String?

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
        if let date, !ScenarioDate.isISODate(date) {
            throw ValidationError("--date must be a date of the form YYYY-MM-DD, found '\(date)'.")
        }
        guard (shard == nil) == (counts == nil) else { throw ValidationError("--shard and --counts go together.") }
        _ = try shard?.checked()
        if let plot {
            guard format == .html else {
                throw ValidationError("--plot chooses the parties of the HTML chart; use it with --format html.")
            }
            do { _ = try PartyPair(parsing: plot) } catch { throw ValidationError(error.description) }
        }
    }

    func run() async throws {
        let request = AnalysisRequest(
            source: try input.source(), issues: issues.map { $0.split(separator: ",").map(String.init) },
            plot: try plot.map { try PartyPair(parsing: $0) }, maxOutcomes: maxOutcomes, round: round, date: date,
            diagnosticsLimit: diagnosticsLimit, sensitivityLimit: lists.sensitivityLimit, limit: lists.limit,
            exportZone: lists.exportZone, exportFrontier: lists.exportFrontier, samples: samples, seed: seed,
            parity: parity, parallelism: ProcessInfo.processInfo.activeProcessorCount,
            tracksEveryPackage: allPackages)
        if let shard, let counts {
            let file = try await AnalysisShardRequest(analysis: request, shard: try shard.checked(), countsFile: counts)
                .run()
            return try output.deliver(AnalysisShardRequest.summary(file, path: counts) + "\n")
        }
        let result = try await progress.run(request)
        try output.deliver(result.render(format))
        try charts.export(result)
    }
}
