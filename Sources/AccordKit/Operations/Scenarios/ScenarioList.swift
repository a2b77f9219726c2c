/// The result of a ``ScenarioListRequest``: the bundled scenarios, the default marked.
public struct ScenarioList: OperationResult {
    /// The list's report.
    public let report: ScenarioListReport

    /// Creates the result from its report.
    public init(report: ScenarioListReport) {
        self.report = report
    }

    /// The scenarios, in the order of their names.
    public var entries: [ScenarioListReport.Entry] { report.entries }

    /// The list: JSON, one line per scenario in text and Markdown, or a minimal HTML page.
    public func render(_ format: ReportFormat) -> String { report.render(format) }
}
