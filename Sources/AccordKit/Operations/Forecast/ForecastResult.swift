/// The result of a ``ForecastRequest``: the run of the spatial model and its report.
public struct ForecastResult: OperationResult {
    /// The run: every state, every winning probability, every turn.
    public let forecast: SpatialForecast
    /// The report of the run with its single forecast, clusters and baselines.
    public let report: ForecastReport

    /// Creates the result of a run and its report.
    public init(forecast: SpatialForecast, report: ForecastReport) {
        self.forecast = forecast
        self.report = report
    }

    /// The report: text, Markdown, JSON or HTML with charts of positions by turn and the final clusters.
    public func render(_ format: ReportFormat) -> String { report.render(format) }
}
