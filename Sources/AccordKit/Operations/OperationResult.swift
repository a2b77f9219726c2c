/// The result of an operation, rendered in any format: the same request gives the same bytes to the CLI, the
/// server and a library user.
public protocol OperationResult: Sendable {
    /// The report in `format`; `.json` is the result document a run record keeps.
    func render(_ format: ReportFormat) -> String
}
