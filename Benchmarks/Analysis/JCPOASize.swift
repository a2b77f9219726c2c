import AccordKit
import Benchmark
import Foundation

/// `accord analyze` with its defaults on the JCPOA-sized scenario of issue #12 (1,481,760 packages, Iran's weights
/// uncertain): the exact analysis and 10,000 Monte Carlo draws over the tracked packages, through AccordKit, report
/// rendered. The file is `Benchmarks/scenarios/jcpoa-size.yaml`.
func jcpoaSizeBenchmark() {
    let path = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scenarios/jcpoa-size.yaml").path
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal], timeUnits: .milliseconds,
        warmupIterations: 1, maxDuration: .seconds(10), maxIterations: 20)
    Benchmark("Analyze jcpoa-size (defaults, 10,000 draws)", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            let request = AnalysisRequest(
                source: .file(path), parallelism: ProcessInfo.processInfo.activeProcessorCount)
            blackHole(try await request.run().render(.text))
        }
    }
}
