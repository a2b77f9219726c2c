import AccordCore
import AccordFormats

/// The verdict on a scenario file (`accord validate`): valid, with a summary of the scenario, or invalid, with every
/// problem found at its key path and line.
///
/// The JSON form is `{"valid": true, "file", "name", "parties", "issues", "outcomeCount", "proposals", "notes"}`
/// for a valid file and `{"valid": false, "file", "problems": [{"path", "line", "message"}]}` for an invalid one.
/// The text of an invalid file is the loader's own message: the problem in one sentence, or the count followed by
/// one line per problem.
public struct ValidationReport: Sendable {
    /// The file checked, as messages name it.
    public let file: String
    /// The scenario, when the file is valid.
    public let scenario: Scenario?
    /// Every problem found, in document order; empty when the file is valid.
    public let problems: [Problem]

    /// The report on a valid file.
    public init(file: String, scenario: Scenario) {
        self.file = file
        self.scenario = scenario
        self.problems = []
    }

    /// The report on an invalid file.
    ///
    /// - Precondition: `problems` is not empty.
    public init(file: String, problems: [Problem]) {
        precondition(!problems.isEmpty, "an invalid file has at least one problem")
        self.file = file
        self.scenario = nil
        self.problems = problems
    }

    /// Whether the file describes a valid scenario.
    public var isValid: Bool { scenario != nil }

    /// The report in the requested format, ending with a newline: JSON pretty-printed; text and Markdown the same
    /// lines; HTML a minimal page holding them.
    public func render(_ format: ReportFormat) -> String {
        switch format {
        case .json: json().serialized() + "\n"
        case .text, .markdown: text()
        case .html:
            HTMLPage.preformatted(title: "\(scenario?.name ?? file): \(isValid ? "valid" : "invalid")", text: text())
        }
    }

    /// The verdict as JSON.
    public func json() -> JSONValue {
        guard let scenario else {
            return .object([
                ("valid", .bool(false)), ("file", .string(file)), ("problems", .array(problems.map(\.json))),
            ])
        }
        return .object([
            ("valid", .bool(true)), ("file", .string(file)), ("name", .string(scenario.name)),
            ("parties", .int(scenario.parties.count)), ("issues", .int(scenario.issues.count)),
            ("outcomeCount", scenario.space.count.map(JSONValue.int) ?? .null),
            ("proposals", .int(scenario.proposals.count)), ("notes", .array(scenario.notes.map(JSONValue.string))),
        ])
    }

    /// The verdict as text: the summary line and the scenario's notes, or the problems.
    public func text() -> String {
        guard let scenario else {
            if problems.count == 1 { return "\(file): \(problems[0]).\n" }
            return "\(file): \(problems.count) problems:\n"
                + ScenarioError.listed(problems.map(\.description)).map { "  - \($0)\n" }.joined()
        }
        let count = scenario.space.count.map { formatCount(Double($0)) } ?? "more than 9·10^18"
        var text =
            "\(file): valid — \(scenario.name): \(scenario.parties.count) parties, \(scenario.issues.count) issues, "
            + "\(count) outcomes, \(scenario.proposals.count) proposals.\n"
        for note in scenario.notes { text += "note: \(note)\n" }
        return text
    }
}
