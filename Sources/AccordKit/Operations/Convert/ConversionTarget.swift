/// The formats a conversion writes (`accord convert --to`).
public enum ConversionTarget: String, Sendable, CaseIterable, Hashable {
    /// An Accord scenario in YAML.
    case accordYAML = "accord-yaml"
    /// An Accord scenario in JSON.
    case accordJSON = "accord-json"
    /// GENIUS XML: a domain file and one profile per party.
    case genius
    /// GeniusWeb JSON: a domain file and one profile per party.
    case geniusweb

    /// The format as a sentence names it, such as "Accord YAML".
    public var title: String {
        switch self {
        case .accordYAML: "Accord YAML"
        case .accordJSON: "Accord JSON"
        case .genius: "GENIUS"
        case .geniusweb: "GeniusWeb"
        }
    }

    /// The files of `scenario` in this format, with what the format could not carry over.
    ///
    /// - Throws: `ScenarioExportError` when the format cannot express the scenario.
    public func export(_ scenario: Scenario) throws(ScenarioExportError) -> ScenarioExport {
        switch self {
        case .accordYAML: try ScenarioWriter.yaml(scenario)
        case .accordJSON: try ScenarioWriter.json(scenario)
        case .genius: try GeniusExporter.export(scenario)
        case .geniusweb: try GeniusWebExporter.export(scenario)
        }
    }
}
