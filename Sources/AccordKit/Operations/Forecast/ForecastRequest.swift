/// A forecast of many-actor bargaining by KTAB's spatial model of politics (`accord forecast`), with its baselines
/// (weighted mean and median, Bueno de Mesquita's expected-utility model).
///
/// The actors come from a KTAB CSV file, from a scenario's `forecast:` section, or from issues of a scenario mapped
/// onto 0–100 (``SpatialScenario/init(_:issues:)``). With no input, the bundled default is forecast on its issue
/// ``defaultIssue``. The run reports every turn to its monitor (unit "turns", out of the turn limit) and stops
/// between turns when the monitor cancels it.
public struct ForecastRequest: AccordOperation {
    /// The issue forecast when the request names no input and no issue: berlin-2025's `territory`.
    public static let defaultIssue = "territory"

    /// What to forecast; `nil` is the bundled default scenario, berlin-2025, on ``issues`` or ``defaultIssue``.
    public var input: ForecastInput?
    /// The issues of a scenario to forecast, one dimension each (`--issue`); empty: the scenario's `forecast:`
    /// section. Not allowed with a KTAB CSV file.
    public var issues: [String]
    /// The model's switches, its turn limit (1 to 10,000) included.
    public var model: SpatialModelParameters
    /// The greatest distance (0–100 scale) linking two final positions into one cluster; at least 0.
    public var clusterDistance: Double
    /// The seed of stochastic transitions: the same seed gives the same run.
    public var seed: UInt64

    /// Creates a request; every argument defaults to what `accord forecast` does without options.
    public init(
        input: ForecastInput? = nil, issues: [String] = [], model: SpatialModelParameters = .ktabDefault,
        clusterDistance: Double = SpatialOutcome.defaultClusterDistance, seed: UInt64 = 0
    ) {
        self.input = input
        self.issues = issues
        self.model = model
        self.clusterDistance = clusterDistance
        self.seed = seed
    }

    /// The operation: `forecast`.
    public static let kind = OperationKind.forecast

    /// The input, the issues, every switch (by its CLI name), the turn limit, the cluster distance and the seed.
    public var parameters: JSONValue {
        .object([
            ("input", input?.json ?? .null), ("issues", .array(issues.map(JSONValue.string))),
            ("victoryProb", .string(model.victoryProbability.rawValue)), ("pce", .string(model.pceModel.rawValue)),
            ("votingRule", .string(model.votingRule.rawValue)),
            ("transitions", .string(model.stateTransitions.rawValue)),
            ("bigRAdjust", .string(model.bigRAdjust.rawValue)), ("bigRRange", .string(model.bigRRange.rawValue)),
            ("thirdParty", .string(model.thirdPartyCommit.rawValue)),
            ("interpolation", .string(model.bargainInterpolation.rawValue)),
            ("bargainModel", .string(model.bargainModel.rawValue)), ("maxTurns", .int(model.maximumTurns)),
            ("clusterDistance", .number(clusterDistance)), ("seed", .string(String(seed))),
        ])
    }

    /// The fingerprint of the KTAB file or the scenario read (the default scenario when there is no input).
    public func inputFingerprint() throws -> String {
        (input ?? .scenario(.default)).fingerprint()
    }

    /// Runs the model and builds its report.
    ///
    /// - Throws: ``RequestError`` for an option out of range or an input forecast cannot read, the readers' and the
    ///   mapping's errors (`KTABCSVError`, `ScenarioError`, ``IssueAxisError``), `SpatialScenarioError`, or
    ///   ``RunCancelled``.
    public func run(monitor: any RunMonitor) async throws -> ForecastResult {
        try checkOptions()
        if monitor.isCancelled { throw RunCancelled() }
        let (spatialScenario, scales) = try spatialScenario()
        let spatialModel = try SpatialModel(scenario: spatialScenario, parameters: model)
        var generator = SplitMix64(seed: seed)
        let total = model.maximumTurns
        let forecast = try spatialModel.run(using: &generator) { (done: Int) throws(RunCancelled) in
            monitor.observe(.progress(RunProgress(done: done, total: total, unit: "turns")))
            if monitor.isCancelled { throw RunCancelled() }
        }
        if forecast.turnCount < total {
            // Converged before the limit: the run is complete.
            monitor.observe(.progress(RunProgress(done: forecast.turnCount, total: forecast.turnCount, unit: "turns")))
        }
        return ForecastResult(
            forecast: forecast,
            report: ForecastReport(forecast, clusterDistance: clusterDistance, seed: seed, scales: scales))
    }

    /// Checks the turn limit and the cluster distance, with the sentences of `accord forecast`.
    func checkOptions() throws(RequestError) {
        guard (1...10_000).contains(model.maximumTurns) else {
            throw RequestError("--max-turns must be between 1 and 10,000, found \(model.maximumTurns).")
        }
        guard clusterDistance.isFinite, clusterDistance >= 0 else {
            throw RequestError("--cluster-distance must be a number of at least 0, found \(clusterDistance).")
        }
    }

    /// The scenario to run: a KTAB CSV file, the `forecast:` section of a scenario, or its issues mapped onto 0–100.
    func spatialScenario() throws -> (SpatialScenario, [IssueScale]?) {
        switch input {
        case nil:
            let scenario = try ScenarioSource.default.scenario()
            return try Self.issueForecast(scenario, issues: issues.isEmpty ? [Self.defaultIssue] : issues)
        case .ktabCSV(let path):
            guard issues.isEmpty else {
                throw RequestError("--issue applies to Accord scenarios; '\(path)' is a KTAB CSV file.")
            }
            return (try KTABCSVReader.read(path: path), nil)
        case .scenario(let source):
            let document = try Self.document(of: source)
            if !issues.isEmpty { return try Self.issueForecast(document.scenario, issues: issues) }
            guard let forecast = document.forecast else {
                throw RequestError(
                    "\(Self.name(of: source)) has no forecast: section; forecast one of its issues with --issue ID "
                        + "(issues: " + document.scenario.space.issues.map(\.id).joined(separator: ", ") + ").")
            }
            return (forecast, nil)
        }
    }

    /// The spatial scenario of a scenario's issues and the scales that map its dimensions back to them.
    static func issueForecast(_ scenario: Scenario, issues: [String]) throws -> (SpatialScenario, [IssueScale]?) {
        let spatial = try SpatialScenario(scenario, issues: issues)
        return (spatial, try SpatialScenario.issueScales(of: scenario, issues: issues))
    }

    /// The scenario document of a source; a folder, GENIUS files or another file type is refused.
    static func document(of source: ScenarioSource) throws -> ScenarioDocument {
        let path: String
        switch source {
        case .text: return try source.document()
        case .geniusFolder(let folder): path = folder
        case .geniusFiles(let domain, _): path = domain
        case .bundled, .file: path = try source.accordPath() ?? ""
        }
        let lower = path.lowercased()
        guard lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") || lower.hasSuffix(".json") else {
            throw RequestError(
                "\(path): unknown input type; forecast reads a KTAB .csv file or an Accord scenario (.yaml, .yml, .json)."
            )
        }
        return try ScenarioLoader.loadDocument(path: path)
    }

    /// The source as the request named it: a bundled scenario's name, a file's path, text's file name.
    static func name(of source: ScenarioSource) -> String {
        switch source {
        case .bundled(let name): name
        case .file(let path), .geniusFolder(let path), .geniusFiles(let path, _), .text(_, let path): path
        }
    }
}
