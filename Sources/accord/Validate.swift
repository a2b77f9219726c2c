import AccordKit
import ArgumentParser

/// `accord validate`: check a scenario file and report every problem at once.
struct Validate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Check a scenario (or GENIUS files); list every problem with its key path, or summarise the valid scenario."
    )

    @OptionGroup var input: ScenarioArgument
    @OptionGroup var output: OutputOption

    @Option(help: "Output format: text, json, markdown or html (a minimal page with the text verdict).")
    var format: ReportFormat = .text

    func run() async throws {
        let result = try await ValidationRequest(source: try input.source()).run()
        // An invalid file: the problems document on standard output in JSON, otherwise the problems on standard
        // error like any bad input; exit status 2 either way.
        if let error = result.error, format != .json { throw error }
        try output.deliver(result.render(format))
        if !result.isValid { throw ExitCode(ExitStatus.badInput.rawValue) }
    }
}
