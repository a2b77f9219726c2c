/// What a forecast reads: a KTAB CSV file, or a scenario whose `forecast:` section or chosen issues give the actors.
public enum ForecastInput: Sendable, Equatable {
    /// A KTAB CSV file (KTABCSVReader's layout).
    case ktabCSV(String)
    /// An Accord scenario: its `forecast:` section, or the issues a ``ForecastRequest`` names.
    case scenario(ScenarioSource)

    /// The input a command line names: a path ending in `.csv` (any case) is a KTAB file; anything else is read as
    /// a scenario source (``ScenarioSource/init(argument:domain:profiles:)``).
    ///
    /// - Throws: ``RequestError`` for a name that is neither a file nor a bundled scenario.
    public init(argument: String) throws(RequestError) {
        if argument.lowercased().hasSuffix(".csv") {
            self = .ktabCSV(argument)
        } else {
            self = .scenario(try ScenarioSource(argument: argument))
        }
    }

    /// The input as JSON, for a run record's parameters.
    public var json: JSONValue {
        switch self {
        case .ktabCSV(let path): .object([("ktabCSV", .string(path))])
        case .scenario(let source): source.json
        }
    }

    /// The fingerprint of the input's bytes (FNV-1a).
    public func fingerprint() -> String {
        switch self {
        case .ktabCSV(let path): ScenarioSource.file(path).fingerprint()
        case .scenario(let source): source.fingerprint()
        }
    }
}
