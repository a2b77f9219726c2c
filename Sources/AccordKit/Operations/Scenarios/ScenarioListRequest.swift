/// The bundled scenarios listed (`accord scenarios`): name, title, size, and which one is the default.
public struct ScenarioListRequest: AccordOperation {
    /// Creates the request.
    public init() {}

    /// The operation: `scenarios`.
    public static let kind = OperationKind.scenarios

    /// No parameters: an empty object.
    public var parameters: JSONValue { .object([]) }

    /// The fingerprint of the bundled scenario files, in the order of their names.
    public func inputFingerprint() throws -> String {
        let sources = ScenarioLoader.bundledNames.map(ScenarioSource.bundled)
        return fnv1aFingerprint(Array(sources.map { $0.fingerprint() }.joined(separator: ";").utf8))
    }

    /// Loads every bundled scenario and lists it.
    ///
    /// - Throws: `ScenarioError` if a bundled scenario cannot be read (a broken installation).
    public func run(monitor: any RunMonitor) async throws -> ScenarioList {
        var entries: [ScenarioListReport.Entry] = []
        for name in ScenarioLoader.bundledNames {
            let scenario = try ScenarioLoader.bundled(name)
            entries.append(
                ScenarioListReport.Entry(
                    name: name, title: scenario.name, parties: scenario.parties.count, issues: scenario.issues.count,
                    outcomeCount: scenario.space.approximateCount, isDefault: name == ScenarioLoader.defaultScenario))
        }
        return ScenarioList(report: ScenarioListReport(entries: entries))
    }
}
