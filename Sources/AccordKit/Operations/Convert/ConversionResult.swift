/// The result of a ``ConversionRequest``: what was written where, and what the conversion could not carry over.
public struct ConversionResult: OperationResult {
    /// The format written.
    public let target: ConversionTarget
    /// The scenario converted.
    public let scenario: Scenario
    /// The folder written into, as the request gave it.
    public let outputFolder: String
    /// The paths of the files written, domain first.
    public let files: [String]
    /// Remarks on what was left behind or changed (sections not carried over, red lines dropped), one sentence
    /// each.
    public let notes: [String]

    /// Creates the result of a conversion.
    public init(target: ConversionTarget, scenario: Scenario, outputFolder: String, files: [String], notes: [String]) {
        self.target = target
        self.scenario = scenario
        self.outputFolder = outputFolder
        self.files = files
        self.notes = notes
    }

    /// The summary: JSON (`format`, `scenario`, `files`, `notes`), or lines of text (Markdown is the same text; HTML a
    /// minimal page holding it).
    public func render(_ format: ReportFormat) -> String {
        switch format {
        case .json: json().serialized() + "\n"
        case .text, .markdown: text()
        case .html: HTMLPage.preformatted(title: "\(scenario.name): \(target.title)", text: text())
        }
    }

    /// The summary as JSON.
    public func json() -> JSONValue {
        .object([
            ("format", .string(target.rawValue)), ("scenario", .string(scenario.name)),
            ("files", .array(files.map(JSONValue.string))), ("notes", .array(notes.map(JSONValue.string))),
        ])
    }

    /// The summary as text: what was written, each file on its own line, then the notes.
    public func text() -> String {
        var text =
            "Wrote \(target.title) for '\(scenario.name)' (\(scenario.parties.count) parties, "
            + "\(scenario.issues.count) issues) to \(outputFolder):\n"
        for path in files { text += "  \(path)\n" }
        for note in notes { text += "note: \(note)\n" }
        return text
    }
}
