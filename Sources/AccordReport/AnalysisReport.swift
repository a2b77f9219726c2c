import AccordCore

/// Renders a ``ScenarioAnalysis`` as text, Markdown, JSON or HTML.
public struct AnalysisReport: Sendable {
    public let analysis: ScenarioAnalysis
    /// The Monte Carlo acceptance analysis, when the scenario has uncertain numbers.
    public let acceptance: AcceptanceAnalysis?
    /// GENIUS's opposition and bid distribution, when asked for (`--parity`).
    public let parity: ParityMetrics?
    /// How many packages of the Pareto frontier the text, Markdown and HTML reports list (the JSON lists them all).
    public var frontierRows = AnalysisReport.defaultFrontierRows

    public init(_ analysis: ScenarioAnalysis, acceptance: AcceptanceAnalysis? = nil, parity: ParityMetrics? = nil) {
        self.analysis = analysis
        self.acceptance = acceptance
        self.parity = parity
    }

    /// The report in the requested format (JSON pretty-printed), ending with a newline.
    public func render(_ format: ReportFormat) -> String {
        switch format {
        case .text: text()
        case .markdown: markdown()
        case .json: json().serialized() + "\n"
        case .html: html()
        }
    }

    var scenario: Scenario { analysis.scenario }
    var encoder: ScenarioJSON { ScenarioJSON(scenario: analysis.scenario) }
    var space: OutcomeSpace { analysis.scenario.space }
    var parties: [Party] { analysis.scenario.parties }
}
