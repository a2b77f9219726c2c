import AccordKit
import ArgumentParser

/// `accord scenarios`: list the bundled scenarios.
struct Scenarios: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the bundled scenarios.")

    @Option(help: "Output format: text, json, markdown or html (a minimal page with the text list).")
    var format: ReportFormat = .text

    func run() throws {
        var rows: [(name: String, title: String, parties: Int, issues: Int, outcomes: Double)] = []
        for name in ScenarioLoader.bundledNames {
            let scenario = try ScenarioLoader.bundled(name)
            rows.append(
                (name, scenario.name, scenario.parties.count, scenario.issues.count, scenario.space.approximateCount))
        }
        switch format {
        case .json:
            let list = JSONValue.array(
                rows.map {
                    .object([
                        ("name", .string($0.name)), ("title", .string($0.title)), ("parties", .int($0.parties)),
                        ("issues", .int($0.issues)), ("outcomeCount", .number($0.outcomes)),
                        ("default", .bool($0.name == ScenarioLoader.defaultScenario)),
                    ])
                })
            emit(list.serialized() + "\n")
        case .text, .markdown, .html:
            var text = ""
            for row in rows {
                let marker = row.name == ScenarioLoader.defaultScenario ? " (default)" : ""
                text +=
                    "\(row.name)\(marker): \(row.title) — \(row.parties) parties, \(row.issues) issues, \(formatCount(row.outcomes)) outcomes\n"
            }
            emit(format == .html ? HTMLPage.preformatted(title: "Bundled scenarios", text: text) : text)
        }
    }
}
