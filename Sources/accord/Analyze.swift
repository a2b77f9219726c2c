import AccordKit
import ArgumentParser
import Foundation

/// `accord analyze`: the exact analysis of a scenario.
struct Analyze: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find the agreement zone, the Pareto frontier, the bargaining solutions, who blocks, and the gaps.")

    @OptionGroup var analysis: AnalysisArguments
    @OptionGroup var output: OutputOption
    @OptionGroup var charts: ChartsOption

    @Option(help: "Output format: text, json, markdown or html (one self-contained page with SVG charts).")
    var format: ReportFormat = .text

    @Option(
        help: ArgumentHelp(
            "The two parties of the HTML utility-space chart, as x,y party ids (default: the pair with the largest total position gap).",
            valueName: "x,y"))
    var plot: String?

    @Option(help: ArgumentHelp("Make only shard k of n of the Monte Carlo draws (with --counts).", valueName: "k/n"))
    var shard: ShardOption?

    @Option(help: ArgumentHelp("The file a shard's counts go to, for accord merge.", valueName: "file"))
    var counts: String?

    @OptionGroup var progress: ProgressOptions

    func validate() throws {
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
        let request = try analysis.request(plot: try plot.map { try PartyPair(parsing: $0) })
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
