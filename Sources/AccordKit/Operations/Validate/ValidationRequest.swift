/// A scenario file checked (`accord validate`): every problem at once with its key path and line, or a summary of
/// the valid scenario.
///
/// An invalid file is a verdict, not a failed run: the result says so (``ValidationResult/isValid``) and carries the
/// problems, so a run record keeps the problems document. A file that cannot be read or parsed at all throws.
public struct ValidationRequest: AccordOperation {
    /// The scenario to check: a bundled scenario, an Accord scenario file or text, or GENIUS files or a GENIUS
    /// folder (imported as `analyze` imports them; the first import error is the verdict).
    public var source: ScenarioSource

    /// Creates a request; the default checks the bundled default scenario.
    public init(source: ScenarioSource = .default) {
        self.source = source
    }

    /// The operation: `validate`.
    public static let kind = OperationKind.validate

    /// The source.
    public var parameters: JSONValue { .object([("source", source.json)]) }

    /// The fingerprint of the scenario checked.
    public func inputFingerprint() throws -> String { source.fingerprint() }

    /// Reads and checks the scenario.
    ///
    /// - Throws: `ScenarioError` when an Accord file cannot be read or is not YAML/JSON (every other problem is in
    ///   the result); `GeniusImportError` for GENIUS files that cannot be imported.
    public func run(monitor: any RunMonitor) async throws -> ValidationResult {
        let file: String
        let loaded: Result<Scenario, ScenarioError>
        switch source {
        case .geniusFiles(let domain, _):
            return ValidationResult(file: domain, scenario: try source.scenario())
        case .geniusFolder(let path):
            return ValidationResult(file: path, scenario: try source.scenario())
        case .text(let text, let name):
            file = name
            loaded = Result { () throws(ScenarioError) in try ScenarioLoader.parse(text, file: name) }
        case .bundled, .file:
            let path = try source.accordPath() ?? ""
            file = path
            loaded = Result { () throws(ScenarioError) in try ScenarioLoader.load(path: path) }
        }
        switch loaded {
        case .success(let scenario): return ValidationResult(file: file, scenario: scenario)
        case .failure(.invalid(let named, let problems)): return ValidationResult(file: named, problems: problems)
        case .failure(let error): throw error
        }
    }
}
