/// A request to re-analyse a scenario under changed reservation values and weights: what the web workspace's
/// sliders call (`POST /api/v1/scenarios/{id}/what-if`), answered while the hand is still on the slider.
///
/// The changes, applied to the scenario as written (before ``issues`` restricts it):
/// - ``reservations``: each named party's reservation value is replaced by the given one, a finite number from 0
///   to 1.
/// - ``weights``: each named issue weight of a linear-additive party is replaced by the given one, a finite
///   number of at least 0; then all that party's weights are divided by their sum, so that they sum to 1 again.
///   The weights of issues not named keep their values before that division.
///
/// An unknown party or issue, weights given for a party whose utility is not linear-additive, a value out of range
/// and weights that sum to 0 are ``RequestError``s whose sentence names the field (`reservations.russia`,
/// `weights.russia.territory`) and what is wrong.
///
/// The result is the exact analysis under the changes — the agreement zone, the Pareto frontier, the bargaining
/// solutions, who blocks, coalitions and reservation thresholds — without what the sliders do not need: no
/// sensitivity sweep, no Monte Carlo draws (uncertain numbers are taken at their nominal values), no GENIUS parity
/// metrics. See ``WhatIfResult`` for its JSON document.
public struct WhatIfRequest: AccordOperation {
    public static let kind = OperationKind.whatIf

    /// The scenario.
    public var source: ScenarioSource
    /// New reservation values, by party id.
    public var reservations: [String: Double]
    /// New issue weights, by party id, then issue id.
    public var weights: [String: [String: Double]]
    /// Analyse only the options still available in this round.
    public var round: Int?
    /// Analyse only these issues, as if the others were settled elsewhere (`nil`: all); the changes are applied
    /// first, then each party's weights are renormalised over these issues.
    public var issues: [String]?
    /// The most outcomes to enumerate before refusing.
    public var maxOutcomes: Int
    /// The most outcome checks to spend on coalitions and reservation thresholds.
    public var diagnosticsLimit: Int

    /// Creates a request; with no changes it analyses the scenario as written.
    public init(
        source: ScenarioSource = .default, reservations: [String: Double] = [:],
        weights: [String: [String: Double]] = [:], round: Int? = nil, issues: [String]? = nil,
        maxOutcomes: Int = AnalysisOptions().maxOutcomes,
        diagnosticsLimit: Int = AnalysisOptions().diagnosticsWorkLimit
    ) {
        self.source = source
        self.reservations = reservations
        self.weights = weights
        self.round = round
        self.issues = issues
        self.maxOutcomes = maxOutcomes
        self.diagnosticsLimit = diagnosticsLimit
    }

    public var parameters: JSONValue {
        let sorted = { (values: [String: Double]) in
            JSONValue.object(values.sorted { $0.key < $1.key }.map { ($0.key, .number($0.value)) })
        }
        return .object([
            ("scenario", source.json), ("reservations", sorted(reservations)),
            ("weights", .object(weights.sorted { $0.key < $1.key }.map { ($0.key, sorted($0.value)) })),
            ("round", round.map(JSONValue.int) ?? .null),
            ("issues", issues.map { .array($0.map(JSONValue.string)) } ?? .null),
            ("maxOutcomes", .int(maxOutcomes)), ("diagnosticsLimit", .int(diagnosticsLimit)),
        ])
    }

    public func inputFingerprint() throws -> String { source.fingerprint() }

    /// Reads the scenario, applies the changes and analyses the changed scenario.
    ///
    /// - Throws: ``RequestError`` for a bad change or limit, the scenario's errors when it cannot be read, and
    ///   ``AnalysisError`` when the space is too large to enumerate.
    public func run(monitor: any RunMonitor) async throws -> WhatIfResult {
        try result(for: try source.scenario())
    }

    /// Applies the changes to an already-read scenario and analyses it, without reading ``source``: a server that
    /// keeps its scenarios parsed saves the parsing on every slider move.
    ///
    /// With `frontiers`, a Pareto frontier built before from identical inputs is reused (moving only reservation
    /// values keeps the frontier), and a new one is kept there; the result is the same either way.
    ///
    /// - Throws: ``RequestError`` for a bad change or limit and ``AnalysisError`` when the space is too large.
    public func result(for scenario: Scenario, frontiers: FrontierMemo? = nil) throws -> WhatIfResult {
        try validateLimits()
        var scenario = scenario
        let changes = try apply(to: &scenario)
        if let issues { scenario = try scenario.restricted(toIssues: issues) }
        let analysis = try scenario.analyze(options: analysisOptions, frontiers: frontiers)
        return WhatIfResult(report: AnalysisReport(analysis), changes: changes)
    }

    /// The scenario with the changes applied (not yet restricted to ``issues``), and the changes as applied.
    public func changedScenario() throws -> (Scenario, WhatIfChanges) {
        var scenario = try source.scenario()
        let changes = try apply(to: &scenario)
        return (scenario, changes)
    }

    /// The options of the exact analysis: no sensitivity sweep.
    public var analysisOptions: AnalysisOptions {
        AnalysisOptions(
            maxOutcomes: maxOutcomes, round: round, diagnosticsWorkLimit: diagnosticsLimit, sensitivityOutcomeLimit: 0)
    }

    /// Refuses limits the analysis cannot use.
    private func validateLimits() throws(RequestError) {
        guard maxOutcomes >= 1 else { throw RequestError("maxOutcomes must be at least 1, found \(maxOutcomes).") }
        guard diagnosticsLimit >= 0 else {
            throw RequestError("diagnosticsLimit cannot be negative, found \(diagnosticsLimit).")
        }
    }
}
