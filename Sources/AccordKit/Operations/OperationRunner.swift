import Foundation

/// Runs an operation and keeps its run record: started, then succeeded with the JSON result document, failed with
/// the error's sentence, or cancelled.
public enum OperationRunner {
    /// Runs `operation` and returns its record with its output (`nil` unless it succeeded).
    ///
    /// - Parameters:
    ///   - id: the record's id (a new UUID by default).
    ///   - clock: the time source of the record's start and end (injected for reproducible tests).
    public static func record<Operation: AccordOperation>(
        _ operation: Operation, id: String = UUID().uuidString.lowercased(), monitor: any RunMonitor = SilentMonitor(),
        clock: @Sendable () -> Date = { Date() }
    ) async -> (record: RunRecord, output: Operation.Output?) {
        let outcome = await run(operation, id: id, monitor: monitor, clock: clock)
        return (outcome.record, outcome.output)
    }

    /// Runs `operation` and returns its record, its output when it succeeded, and otherwise the exit status of the
    /// error that stopped it (so that a front end can tell bad input from a failed run).
    public static func run<Operation: AccordOperation>(
        _ operation: Operation, id: String = UUID().uuidString.lowercased(), monitor: any RunMonitor = SilentMonitor(),
        clock: @Sendable () -> Date = { Date() }
    ) async -> RunOutcome<Operation.Output> {
        var record = RunRecord(
            id: id, operation: Operation.kind, inputFingerprint: (try? operation.inputFingerprint()) ?? "",
            parameters: operation.parameters.serialized(indent: 0), startedAt: clock())
        do {
            let output = try await operation.run(monitor: monitor)
            record.status = .succeeded
            record.result = output.render(.json)
            record.finishedAt = clock()
            return RunOutcome(record: record, output: output, failure: nil)
        } catch let error as RunCancelled {
            record.status = .cancelled
            record.error = error.sentence
            record.finishedAt = clock()
            return RunOutcome(record: record, output: nil, failure: error.exitStatus)
        } catch let error as any AccordError {
            record.status = .failed
            record.error = Echo.bounded(error.sentence)
            record.finishedAt = clock()
            return RunOutcome(record: record, output: nil, failure: error.exitStatus)
        } catch {
            record.status = .failed
            record.error = Echo.bounded("\(error)")
            record.finishedAt = clock()
            return RunOutcome(record: record, output: nil, failure: .failure)
        }
    }
}
