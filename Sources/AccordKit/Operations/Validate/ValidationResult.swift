/// The result of a ``ValidationRequest``: the verdict on the file, valid or invalid.
public struct ValidationResult: OperationResult {
    /// The verdict's report (text, Markdown, JSON, HTML).
    public let report: ValidationReport
    /// Every problem found; empty when the file is valid.
    public let problems: [ScenarioProblem]

    /// The result for a valid file.
    public init(file: String, scenario: Scenario) {
        report = ValidationReport(file: file, scenario: scenario)
        problems = []
    }

    /// The result for an invalid file.
    ///
    /// - Precondition: `problems` is not empty.
    public init(file: String, problems: [ScenarioProblem]) {
        report = ValidationReport(
            file: file, problems: problems.map { .init(path: $0.path, line: $0.line, message: $0.message) })
        self.problems = problems
    }

    /// Whether the file describes a valid scenario.
    public var isValid: Bool { report.isValid }

    /// The scenario, when the file is valid.
    public var scenario: Scenario? { report.scenario }

    /// The problems as the error a scenario loader throws, or `nil` for a valid file: for a front end that reports
    /// an invalid file as bad input (the CLI does, except in JSON). Its sentence is the text report.
    public var error: ScenarioError? {
        isValid ? nil : .invalid(file: report.file, problems: problems)
    }

    /// The report: for a valid file its summary; for an invalid one the problems (JSON: `valid: false`, `file`,
    /// `problems` with `path`, `line` and `message`).
    public func render(_ format: ReportFormat) -> String { report.render(format) }
}
