import AccordCore

/// Why a scenario could not be loaded.
public enum ScenarioError: AccordError, Sendable {
    /// The file does not exist or cannot be read.
    case unreadable(file: String, reason: String)
    /// The file's extension names no format Accord reads.
    case unsupportedExtension(file: String)
    /// The file is not well-formed YAML or JSON.
    case syntax(file: String, line: Int?, column: Int?, message: String)
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
        case .invalid(let file, let problems):
            if problems.count == 1 { return "\(file): \(problems[0])." }
            return "\(file): \(problems.count) problems:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
        case .unknownBundledScenario(let name, let available):
            return "there is no bundled scenario named '\(name)'; bundled: \(available.joined(separator: ", "))."
        }
    }
}

extension ScenarioError {
    /// The description as it stands: it ends with a full stop, or with the list of problems.
    public var sentence: String { description }
}
