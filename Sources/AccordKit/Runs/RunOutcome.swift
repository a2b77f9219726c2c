/// How one run of an operation ended: its record, its output when it succeeded, and otherwise the exit status of
/// what stopped it (``ExitStatus/badInput`` for bad input, ``ExitStatus/failure`` for a failed run,
/// ``ExitStatus/interrupted`` when cancelled).
public struct RunOutcome<Output: OperationResult>: Sendable {
    /// The run record.
    public var record: RunRecord
    /// The output, when the run succeeded.
    public var output: Output?
    /// The exit status of the error that stopped the run, when it did not succeed.
    public var failure: ExitStatus?

    /// Creates an outcome.
    public init(record: RunRecord, output: Output?, failure: ExitStatus?) {
        self.record = record
        self.output = output
        self.failure = failure
    }
}
