import AccordKit
import Foundation
import Testing

/// Long simulations: the report holds a bounded trace with counts, the trace file every action, and a cancelled run
/// stops between rounds.
@Suite struct SimulationBoundsTests {
    /// Two hard-liners never agree: two offers a round until the deadline.
    private func hardliners(rounds: Int, trace: TraceDestination? = nil) -> SimulationRequest {
        SimulationRequest(
            source: .bundled("job-offer"), agents: "candidate=hardliner,employer=hardliner", rounds: rounds,
            trace: trace)
    }

    /// 50,000 rounds, 100,000 actions: the JSON keeps 1,000 at each end (about 0.8 MB; the whole trace would be
    /// 40 MB) and counts every one; the trace file holds every action, and its ends are the report's.
    @Test func aLongRunsReportIsBoundedAndItsTraceFileIsWhole() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let result = try await hardliners(rounds: 50_000, trace: .file(scratch.path + "/trace.jsonl")).run()
        let json = result.render(.json)
        #expect(json.utf8.count < 1_500_000)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(report["traceTruncated"] as? Bool == true)
        let counts = try #require(report["traceCounts"] as? [String: Int])
        #expect(
            counts == [
                "actions": 100_000, "omitted": 98_000, "offer": 100_000, "accept": 0, "object": 0, "expire": 0,
                "end": 0,
            ])
        let trace = try #require(report["trace"] as? [[String: Any]])
        #expect(trace.count == 2 * SessionTrace.defaultExcerpt)
        #expect(trace.first?["round"] as? Int == 1)
        #expect(trace[999]["round"] as? Int == 500)
        #expect(trace[1000]["round"] as? Int == 49_501)
        #expect(trace.last?["round"] as? Int == 50_000)
        let notes = try #require(report["notes"] as? [String])
        #expect(
            notes.contains {
                $0.hasPrefix("The trace in this report holds the first 1,000 and the last 1,000 of the 100,000 actions")
            })

        let lines = try scratch.lines(of: "trace.jsonl")
        #expect(lines.count == 100_000)
        let kept = result.report.traceLines().split(separator: "\n")
        #expect(Array(kept.prefix(1_000)) == Array(lines.prefix(1_000)))
        #expect(Array(kept.suffix(1_000)) == Array(lines.suffix(1_000)))

        let text = result.render(.text)
        #expect(text.contains("100,000 actions; the first and the last 6 below (the JSON report holds the first"))
        #expect(text.contains("99988 more actions"))
        let html = result.render(.html)
        #expect(html.utf8.count < 1_000_000)
        #expect(html.contains("Long series are thinned to 1,500 evenly spaced offers each."))
    }

    /// The monitor cancels at the first progress report (after round 1,000 of 1,000,000): the run stops after the next
    /// round, and the trace file keeps the actions taken until then.
    @Test func aCancelledRunStopsBetweenRoundsAndKeepsItsTrace() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let monitor = RecordingMonitor(cancelAfter: 1)
        let request = hardliners(rounds: 1_000_000, trace: .file(scratch.path + "/trace.jsonl"))
        await #expect(throws: RunCancelled()) { try await request.run(monitor: monitor) }
        #expect(monitor.progress == [RunProgress(done: 1_000, total: 1_000_000, unit: "rounds")])
        #expect(try scratch.lines(of: "trace.jsonl").count == 2 * 1_001)
        let (record, output) = await OperationRunner.record(
            hardliners(rounds: 1_000_000), monitor: RecordingMonitor(cancelAfter: 1))
        #expect(output == nil)
        #expect(record.status == .cancelled)
    }
}
