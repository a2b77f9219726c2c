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

    @Option(
        help: ArgumentHelp(
            "Monte Carlo draws of the scenario's uncertain numbers (1 to 10,000,000): the probability that each "
                + "party, and all at once, accepts the package."))
    var samples: Int?

    @Option(help: "The random seed of the draws; the same seed gives the same probabilities.")
    var seed: UInt64 = 1

    func validate() throws {
        if let samples, !(1...AcceptanceOptions.maximumSamples).contains(samples) {
            throw ValidationError("--samples must be between 1 and 10,000,000, found \(samples).")
        }
    }

    func run() async throws {
        let request = EvaluationRequest(
            source: try input.source(), package: try PackageChoice(parsing: outcome), samples: samples, seed: seed)
        try output.deliver(try await request.run().render(format))
    }
}
