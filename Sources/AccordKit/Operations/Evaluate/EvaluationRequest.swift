/// A request to judge one package (`accord evaluate`): every party's utility, margin, acceptance and crossed red
/// lines.
public struct EvaluationRequest: AccordOperation {
    public static let kind = OperationKind.evaluate

    /// The scenario.
    public var source: ScenarioSource
    /// The package; issues left out stay open.
    public var package: PackageChoice

    /// Creates the request.
    public init(source: ScenarioSource = .default, package: PackageChoice) {
        self.source = source
        self.package = package
    }

    public var parameters: JSONValue { .object([("scenario", source.json), ("package", package.json)]) }

    public func inputFingerprint() throws -> String { source.fingerprint() }

    public func run(monitor: any RunMonitor) async throws -> EvaluationResult {
        let scenario = try source.scenario()
        let levels = try package.levels(in: scenario.space)
        let evaluation = try scenario.evaluate(Proposal(id: "outcome", levels: levels))
        return EvaluationResult(report: EvaluationReport(scenario: scenario, evaluation: evaluation))
    }
}
