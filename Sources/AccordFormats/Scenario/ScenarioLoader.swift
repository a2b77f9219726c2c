import AccordCore
import AccordForecast
import AccordNegotiation
import Foundation

/// Loads scenarios from Accord YAML or JSON files, from text, or from the bundled collection.
public enum ScenarioLoader {
    /// The largest scenario file Accord reads.
    public static let maximumFileSize = 64 * 1024 * 1024

    /// The name of the scenario that runs when none is given.
    public static let defaultScenario = "berlin-2025"

    /// Loads a scenario file; `.yaml`, `.yml` and `.json` are read with the same schema.
    public static func load(path: String) throws(ScenarioError) -> Scenario {
        try loadDocument(path: path).scenario
    }

    /// Loads the `forecast:` section of a scenario file: a scenario for the spatial model of politics.
    ///
    /// The whole file is read and validated (a problem anywhere in it is reported); a file without a `forecast:`
    /// section is an error at the key path `forecast`.
    public static func loadForecast(path: String) throws(ScenarioError) -> SpatialScenario {
        let document = try loadDocument(path: path)
        guard let forecast = document.forecast else {
            throw .invalid(
                file: path,
                problems: [
                    ScenarioProblem(
                        path: "forecast", line: nil, message: "is missing; the scenario has no forecast section")
                ])
        }
        return forecast
    }

    /// Loads a scenario file with its `forecast:` and `protocol:` sections, if it has them (valid: a section with
    /// problems throws).
    public static func loadDocument(path: String) throws(ScenarioError) -> ScenarioDocument {
        let lower = path.lowercased()
        guard lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") || lower.hasSuffix(".json") else {
            throw .unsupportedExtension(file: path)
        }
        return try parseDocument(try readTextFile(path), file: path)
    }

    /// Parses scenario text (YAML or JSON); `file` names it in error messages.
    public static func parse(_ text: String, file: String = "(scenario)") throws(ScenarioError) -> Scenario {
        try parseDocument(text, file: file).scenario
    }

    /// Parses scenario text (YAML or JSON) with its `forecast:` and `protocol:` sections, if it has them; `file`
    /// names it in error messages.
    public static func parseDocument(_ text: String, file: String = "(scenario)") throws(ScenarioError)
        -> ScenarioDocument
    {
        let root: DocumentNode
        do {
            root = try DocumentNode.parse(yaml: text)
        } catch {
            throw .unparsable(error, file: file)
        }
        var reader = ScenarioReader()
        guard let scenario = reader.read(root), reader.problems.isEmpty else {
            throw .invalid(file: file, problems: reader.problems)
        }
        return ScenarioDocument(scenario: scenario, forecast: reader.forecast, simulation: reader.simulation)
    }

    /// The names of the bundled scenarios, sorted.
    public static var bundledNames: [String] {
        guard let directory = bundledDirectory,
            let files = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
        else { return [] }
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The path of a bundled scenario file.
    public static func bundledPath(_ name: String) throws(ScenarioError) -> String {
        guard let directory = bundledDirectory else {
            throw .unknownBundledScenario(name: name, available: [])
        }
        let path = directory.appendingPathComponent("\(name).yaml").path
        guard FileManager.default.fileExists(atPath: path) else {
            throw .unknownBundledScenario(name: name, available: bundledNames)
        }
        return path
    }

    /// Loads a bundled scenario by name (`berlin-2025`, `job-offer`, …).
    public static func bundled(_ name: String) throws(ScenarioError) -> Scenario {
        try load(path: try bundledPath(name))
    }

    private static var bundledDirectory: URL? {
        Bundle.module.resourceURL?.appendingPathComponent("Scenarios")
    }
}
