import AccordKit
import ArgumentParser

/// `accord convert`: reads a scenario in one format and writes it in another.
struct Convert: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert a scenario between Accord YAML/JSON, GENIUS XML and GeniusWeb JSON.",
        discussion: """
            The input is an Accord scenario file (.yaml, .yml, or .json with an 'accord' key) or the name of a \
            bundled scenario; GENIUS files (a \
            domain .xml and its profiles) or a GENIUS folder; or GeniusWeb files (a domain .json and its profiles, or \
            profiles alone) or a GeniusWeb folder. Existing files are never overwritten without --force. \
            Documentation: docs/cli.md#accord-convert and docs/formats.md.
            """)

    @Argument(
        help: ArgumentHelp(
            "The scenario to convert: one Accord file, GENIUS or GeniusWeb files (domain and profiles), or a folder.",
            valueName: "in"))
    var inputs: [String] = []

    @Option(help: "The format to write: accord-yaml, accord-json, genius or geniusweb.")
    var to: ConversionTarget

    @Option(help: ArgumentHelp("The folder to write into; created when missing.", valueName: "dir"))
    var out: String

    @Flag(help: "Overwrite files that already exist in the output folder.")
    var force = false

    @Option(help: "Output format of the summary: text or json.")
    var format: ConversionSummaryFormat = .text

    @OptionGroup var output: OutputOption

    func validate() throws {
        guard !inputs.isEmpty else {
            throw ValidationError("give the scenario to convert: a file, GENIUS or GeniusWeb files, or a folder.")
        }
    }

    func run() async throws {
        let request = ConversionRequest(inputs: inputs, target: to, outputFolder: out, overwrite: force)
        try output.deliver(try await request.run().render(format.reportFormat))
    }
}

extension ConversionTarget: ExpressibleByArgument {}
extension ConversionSummaryFormat: ExpressibleByArgument {}
