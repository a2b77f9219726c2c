import AccordKit
import Foundation
import Synchronization
import Testing

/// A tiny operation for the runner's tests: succeeds with a document, fails, or is cancelled.
private struct Probe: AccordOperation {
    enum Outcome: Sendable { case succeed, fail, cancel }
    struct Output: OperationResult {
        func render(_ format: ReportFormat) -> String { format == .json ? "{\"ok\": true}\n" : "ok\n" }
    }
    static let kind = OperationKind.validate
    var outcome: Outcome
    var parameters: JSONValue { .object([("outcome", .string("\(outcome)"))]) }
    func inputFingerprint() throws -> String { "0123456789abcdef" }
    func run(monitor: any RunMonitor) async throws -> Output {
        switch outcome {
        case .succeed: return Output()
        case .fail: throw RequestError("--probe must be at least 1, found 0")
        case .cancel: throw RunCancelled()
        }
    }
}

@Suite struct OperationRunnerTests {
    private let times = [Date(timeIntervalSince1970: 100), Date(timeIntervalSince1970: 107)]

    @Test func aSucceededRunKeepsItsJSONDocumentAndTimes() async {
        let clock = Clock(times)
        let (record, output) = await OperationRunner.record(Probe(outcome: .succeed), id: "run-1", clock: clock.next)
        #expect(output != nil)
        #expect(record.id == "run-1")
        #expect(record.operation == .validate)
        #expect(record.status == .succeeded)
        #expect(record.result == "{\"ok\": true}\n")
        #expect(record.parameters == "{\"outcome\":\"succeed\"}")
        #expect(record.inputFingerprint == "0123456789abcdef")
        #expect(record.accordVersion == AccordRelease.version)
        #expect(record.startedAt == times[0])
        #expect(record.finishedAt == times[1])
        #expect(record.error == nil)
    }

    @Test func aFailedRunKeepsTheErrorsSentence() async {
        let (record, output) = await OperationRunner.record(Probe(outcome: .fail))
        #expect(output == nil)
        #expect(record.status == .failed)
        #expect(record.result == nil)
        #expect(record.error == "--probe must be at least 1, found 0.")
    }

    @Test func aCancelledRunIsMarkedCancelled() async {
        let (record, _) = await OperationRunner.record(Probe(outcome: .cancel))
        #expect(record.status == .cancelled)
        #expect(record.status.isFinal)
        #expect(RunCancelled().exitStatus == .interrupted)
    }
}

/// Hands out the given times in turn.
private final class Clock: Sendable {
    private let times: [Date]
    private let index = Mutex(0)
    init(_ times: [Date]) { self.times = times }
    @Sendable func next() -> Date {
        index.withLock { index in
            defer { index += 1 }
            return times[min(index, times.count - 1)]
        }
    }
}
