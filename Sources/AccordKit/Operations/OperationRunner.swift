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
        var record = RunRecord(
            id: id, operation: Operation.kind, inputFingerprint: (try? operation.inputFingerprint()) ?? "",
            parameters: operation.parameters.serialized(indent: 0), startedAt: clock())
        do {
            let output = try await operation.run(monitor: monitor)
            record.status = .succeeded
            record.result = output.render(.json)
            record.finishedAt = clock()
            return (record, output)
        } catch let error as RunCancelled {
            record.status = .cancelled
            record.error = error.sentence
        } catch let error as any AccordError {
            record.status = .failed
            record.error = error.sentence
        } catch {
            record.status = .failed
            record.error = "\(error)"
        }
        record.finishedAt = clock()
        return (record, nil)
    }
}
