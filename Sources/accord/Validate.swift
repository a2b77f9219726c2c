import AccordKit
import ArgumentParser

/// `accord validate`: check a scenario file and report every problem at once.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a scenario file; list every problem with its key path, or summarise the valid scenario.")

    @OptionGroup var input: ScenarioArgument

    @Option(help: "Output format: text, json, markdown or html (a minimal page with the text verdict).")
    var format: ReportFormat = .text

    func run() throws {
        let path = try input.path()
        let loaded = Result { () throws(ScenarioError) in try ScenarioLoader.load(path: path) }
        if case .failure(let error) = loaded, format == .json, case .invalid(let file, let problems) = error {
            let body = JSONValue.object([
                ("valid", .bool(false)), ("file", .string(file)),
                (
                    "problems",
                    .array(
                        problems.map {
                            .object([
                                ("path", .string($0.path)), ("line", $0.line.map(JSONValue.int) ?? .null),
                                ("message", .string($0.message)),
                            ])
                        })
                ),
            ])
            emit(body.serialized() + "\n")
            throw ExitCode(2)
        }
        let scenario = try loaded.get()
        let count = scenario.space.count.map { formatCount(Double($0)) } ?? "more than 9·10^18"
        switch format {
        case .json:
            let body = JSONValue.object([
                ("valid", .bool(true)), ("file", .string(path)), ("name", .string(scenario.name)),
                ("parties", .int(scenario.parties.count)), ("issues", .int(scenario.issues.count)),
                ("outcomeCount", scenario.space.count.map(JSONValue.int) ?? .null),
                ("proposals", .int(scenario.proposals.count)), ("notes", .array(scenario.notes.map(JSONValue.string))),
            ])
            emit(body.serialized() + "\n")
        case .text, .markdown, .html:
            var text =
                "\(path): valid — \(scenario.name): \(scenario.parties.count) parties, \(scenario.issues.count) issues, \(count) outcomes, \(scenario.proposals.count) proposals.\n"
            for note in scenario.notes { text += "note: \(note)\n" }
            emit(format == .html ? HTMLPage.preformatted(title: "\(scenario.name): valid", text: text) : text)
        }
    }
}
