/// The result of an ``AnalysisRequest``: the full analysis report, or — for a hyper-rectangle space too large to
/// list — the rectangle-frontier report.
public struct AnalysisResult: OperationResult {
    /// What the analysis produced.
    public enum Content: Sendable {
        /// The exact analysis (with the Monte Carlo analysis when there was one).
        case analysis(AnalysisReport)
        /// The analysis from the rectangle frontier.
        case rectangleFrontier(RectangleFrontierReport)
    }

    /// What the analysis produced.
    public var content: Content
    /// The party indices of the HTML utility-space chart, when the request chose them.
    public var plot: (x: Int, y: Int)?

    /// The result of a full analysis.
    public init(report: AnalysisReport, plot: (x: Int, y: Int)? = nil) {
        content = .analysis(report)
        self.plot = plot
    }

    /// The result of a rectangle-frontier analysis.
    public init(rectangleFrontier analysis: RectangleFrontierAnalysis) {
        content = .rectangleFrontier(RectangleFrontierReport(analysis))
    }

    public func render(_ format: ReportFormat) -> String {
        switch content {
        case .analysis(let report): format == .html ? report.html(plot: plot) : report.render(format)
        case .rectangleFrontier(let report): report.render(format)
        }
    }
}
