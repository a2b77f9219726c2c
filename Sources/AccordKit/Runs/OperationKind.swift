/// The operations Accord performs, one request and one result type each.
public enum OperationKind: String, Sendable, CaseIterable, Hashable {
    /// The exact analysis of a scenario (``AnalysisRequest``).
    case analyze
    /// One package judged by every party (``EvaluationRequest``).
    case evaluate
    /// A scenario file checked (``ValidationRequest``).
    case validate
    /// Talks simulated between agents (``SimulationRequest``).
    case simulate
    /// A tournament run or resumed (``TournamentRequest``).
    case tournament
    /// Shards of a tournament combined (``MergeRequest``).
    case merge
    /// Multi-actor bargaining forecast (``ForecastRequest``).
    case forecast
    /// A scenario converted between formats (``ConversionRequest``).
    case convert
    /// The bundled scenarios listed (``ScenarioListRequest``).
    case scenarios
    /// A scenario re-analysed under changed reservation values and weights (``WhatIfRequest``): the web
    /// workspace's sliders.
    case whatIf = "what-if"
}
