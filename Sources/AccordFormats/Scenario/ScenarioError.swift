import AccordCore

/// Why a scenario could not be loaded.
public enum ScenarioError: AccordError, Sendable {
    /// The file does not exist or cannot be read.
    case unreadable(file: String, reason: String)
    /// The file's extension names no format Accord reads.
    case unsupportedExtension(file: String)
    /// The file is not well-formed YAML or JSON.
    case syntax(file: String, line: Int?, column: Int?, message: String)
    /// The file is not well-formed YAML because of a common mistake (a line indented more or less than its
    /// neighbours, a tab, a missing colon or space after one, an unclosed quote or bracket, a list item among the
    /// keys of a mapping), told as a sentence about the mistake at its line.
    case mistake(file: String, line: Int, message: String)
    /// The document is well-formed but describes no valid scenario; every problem found is listed.
    case invalid(file: String, problems: [ScenarioProblem])
    /// No bundled scenario has this name.
    case unknownBundledScenario(name: String, available: [String])

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot read the file: \(reason)."
        case .unsupportedExtension(let file):
            return "\(file): unknown file type; a scenario file ends in .yaml, .yml or .json."
        case .syntax(let file, let line, let column, let message):
            let place = line.map { ":\($0)" + (column.map { ":\($0)" } ?? "") } ?? ""
            return "\(file)\(place): not valid YAML/JSON: \(message)."
        case .mistake(let file, let line, let message):
            return "\(file):\(line): \(message)."
        case .invalid(let file, let problems):
            if problems.count == 1 { return "\(file): \(problems[0])." }
            return "\(file): \(problems.count) problems:\n"
                + Self.listed(problems.map(\.description)).map { "  - \($0)" }.joined(separator: "\n")
        case .unknownBundledScenario(let name, let available):
            return
                "there is no bundled scenario named '\(Echo.cut(name))'; bundled: \(available.joined(separator: ", "))."
        }
    }
}

extension ScenarioError {
    /// The most problems a message lists one per line; the rest are counted on a last line.
    public static let listedProblems = 100

    /// The first ``listedProblems`` of `lines`, then "… and N more problems" when there are more.
    package static func listed(_ lines: [String]) -> [String] {
        guard lines.count > listedProblems else { return lines }
        let more = lines.count - listedProblems
        let rest = "… and \(formatCount(Double(more))) more problem\(more == 1 ? "" : "s")"
        return Array(lines.prefix(listedProblems)) + [rest + " (the JSON verdict of accord validate lists every one)"]
    }
}

extension ScenarioError {
    /// The description as it stands: it ends with a full stop, or with the list of problems.
    public var sentence: String { description }
}

extension ScenarioError {
    /// The error for a document that could not be parsed: the mistake behind it when it is a common one, else
    /// libyaml's own words with line and column.
    static func unparsable(_ error: DocumentSyntaxError, file: String) -> ScenarioError {
        if let mistake = error.mistake { return .mistake(file: file, line: mistake.line, message: mistake.message) }
        return .syntax(file: file, line: error.line, column: error.column, message: error.message)
    }
}
