import AccordKit
import Benchmark
import Foundation

/// A long session through AccordKit, as `accord simulate` runs it: two hard-liners on `job-offer` never agree, so all
/// 200,000 rounds (400,000 actions) run; docs/performance.md ("Long simulations: bounded reports") gives the numbers
/// and the whole-process measurement of 2,000,000 rounds beside them.
///
/// - "Report": runs the request and renders the JSON report, whose trace keeps the first and last 1,000 actions:
///   its time and peak memory stay those of the session, whatever the number of rounds.
/// - "Trace file": the same run with `--trace FILE`, every action written to a JSON Lines file (about 100 MB).
func longSimulationBenchmarks() {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal], timeUnits: .milliseconds,
        warmupIterations: 1, maxDuration: .seconds(20), maxIterations: 10)
    let request = SimulationRequest(
        source: .bundled("job-offer"), agents: "candidate=hardliner,employer=hardliner", rounds: 200_000)

    Benchmark("Report of 200,000 rounds (job-offer, two hard-liners, JSON)", configuration: configuration) {
        benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try await request.run().render(.json))
        }
    }

    let path = FileManager.default.temporaryDirectory.appendingPathComponent("accord-benchmark-trace.jsonl").path
    var traced = request
    traced.trace = .file(path)
    Benchmark("Trace file of 200,000 rounds (job-offer, two hard-liners, 400,000 lines)", configuration: configuration)
    {
        benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try await traced.run().render(.json))
        }
    } teardown: {
        try? FileManager.default.removeItem(atPath: path)
    }
}
