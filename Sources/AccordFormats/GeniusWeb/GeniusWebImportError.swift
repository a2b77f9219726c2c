import AccordCore

/// Why a GeniusWeb domain or profile could not be imported. Each case prints as one sentence naming the file, and
/// the JSON path of the value at fault when there is one (such as `LinearAdditiveUtilitySpace.issueWeights.fte`).
public enum GeniusWebImportError: AccordError, Sendable, Equatable {
    /// The file does not exist or cannot be read.
    case unreadable(file: String, reason: String)
    /// The file is not JSON.
    case syntax(file: String, line: Int, message: String)
    /// The JSON is not a GeniusWeb domain or profile Accord reads (another profile type, say).
    case notGeniusWeb(file: String, message: String)
    /// The JSON is readable but does not describe a valid domain or profile: a missing key, a value of the wrong
    /// kind, a profile that does not match its domain.
    case invalid(file: String, path: String?, message: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot read the file: \(reason)."
        case .syntax(let file, let line, let message):
            return "\(file):\(line): not readable as JSON: \(message)."
        case .notGeniusWeb(let file, let message):
            return "\(file): \(message)."
        case .invalid(let file, let path, let message):
            return "\(file):" + (path.map { " \($0):" } ?? "") + " \(message)."
        }
    }

    /// The same problem as a ``GeniusImportError``, for callers that read GENIUS and GeniusWeb files through
    /// ``GeniusImporter``.
    public var asGeniusImportError: GeniusImportError {
        switch self {
        case .unreadable(let file, let reason): .unreadable(file: file, reason: reason)
        case .syntax(let file, let line, let message):
            .invalid(file: file, line: line, element: nil, message: "not readable as JSON: \(message)")
        case .notGeniusWeb(let file, let message): .invalid(file: file, line: nil, element: nil, message: message)
        case .invalid(let file, let path, let message): .invalid(file: file, line: nil, element: path, message: message)
        }
    }
}
