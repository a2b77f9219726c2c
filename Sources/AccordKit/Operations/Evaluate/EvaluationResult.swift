/// The result of an ``EvaluationRequest``: the judgement of the package by every party.
public struct EvaluationResult: OperationResult {
    /// The report on the package.
    public var report: EvaluationReport

    /// Creates the result.
    public init(report: EvaluationReport) {
        self.report = report
    }

    public func render(_ format: ReportFormat) -> String { report.render(format) }
}
