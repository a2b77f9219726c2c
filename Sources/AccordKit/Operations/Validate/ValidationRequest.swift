/// A scenario file checked (`accord validate`): every problem at once with its key path and line, or a summary of
/// the valid scenario.
///
/// An invalid file is a verdict, not a failed run: the result says so (``ValidationResult/isValid``) and carries the
/// problems, so a run record keeps the problems document. A file that cannot be read or parsed at all throws.
public struct ValidationRequest: AccordOperation {
    /// The scenario to check: a bundled scenario, an Accord scenario file or text. GENIUS files are refused; a
    /// folder is read as a file (and the loader says why it cannot be).
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
    /// - Throws: ``RequestError`` for GENIUS files; `ScenarioError` when the file cannot be read or is not
    ///   YAML/JSON (every other problem is in the result).
    public func run(monitor: any RunMonitor) async throws -> ValidationResult {
        let file: String
        let loaded: Result<Scenario, ScenarioError>
        switch source {
        case .geniusFiles:
            throw RequestError(
                "this command reads Accord scenario files; --domain and --profile are for analyze and evaluate.")
        case .text(let text, let name):
            file = name
            loaded = Result { () throws(ScenarioError) in try ScenarioLoader.parse(text, file: name) }
        case .geniusFolder(let path):
            file = path
            loaded = Result { () throws(ScenarioError) in try ScenarioLoader.load(path: path) }
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
