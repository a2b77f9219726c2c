import AccordKit
import ArgumentParser

/// `accord evaluate`: how every party judges one package.
struct Evaluate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Judge one package: every party's utility, margin, acceptance and crossed red lines.")

    @OptionGroup var input: ScenarioArgument
    @OptionGroup var output: OutputOption

    @Option(help: "The package, as issue=option pairs separated by commas; issues left out stay open.")
    var outcome: String

    @Option(help: "Output format: text, json, markdown or html (a minimal page with the judgement table).")
    var format: ReportFormat = .text

    func run() async throws {
        let request = EvaluationRequest(source: try input.source(), package: try PackageChoice(parsing: outcome))
        try output.deliver(try await request.run().render(format))
    }
}
