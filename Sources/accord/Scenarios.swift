import AccordKit
import ArgumentParser

/// `accord scenarios`: list the bundled scenarios.
struct Scenarios: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the bundled scenarios.")

    @Option(help: "Output format: text, json, markdown or html (a minimal page with the text list).")
    var format: ReportFormat = .text

    @OptionGroup var output: OutputOption

    func run() async throws {
        try output.deliver(try await ScenarioListRequest().run().render(format))
    }
}
