import AccordCore
import AccordForecast
import AccordFormats
import Benchmark
import Foundation

/// The exact analysis of the bundled scenarios: the 10^6-outcome synthetic domains (6 issues × 10 options, 2 and
/// 3 parties) against which NegMAS is compared in docs/performance.md, and the two small real scenarios.
///
/// "Load+analyse" reads and parses the bundled YAML file and runs `Scenario.analyze()` (zone, frontier, Nash, KS,
/// utilitarian, egalitarian, blocking, proposals, gaps): everything `accord analyze` does but start-up and
/// writing the report. "Analyse" starts from the parsed scenario, to separate the engine from the parser.
let benchmarks: @Sendable () -> Void = {
    let metrics: [BenchmarkMetric] = [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident]
    // The 10^6 domains take tens of milliseconds per iteration: at most 5 s or 100 samples each.
    let large = Benchmark.Configuration(
        metrics: metrics, timeUnits: .microseconds, warmupIterations: 2, maxDuration: .seconds(5),
        maxIterations: 100)
    // The real scenarios are small: at most 2 s or 1,000 samples each.
    let small = Benchmark.Configuration(
        metrics: metrics, timeUnits: .microseconds, warmupIterations: 5, maxDuration: .seconds(2),
        maxIterations: 1_000)

    let scenarios: [(name: String, configuration: Benchmark.Configuration)] = [
        ("synthetic-1m-2p", large),
        ("synthetic-1m", large),
        ("berlin-2025", small),
        ("job-offer", small),
    ]

    for (name, configuration) in scenarios {
        Benchmark("Load+analyse \(name)", configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations {
                let scenario = try ScenarioLoader.bundled(name)
                blackHole(try scenario.analyze())
            }
        }
    }

    for (name, configuration) in scenarios.prefix(2) {
        Benchmark("Analyse \(name)", configuration: configuration) { benchmark, scenario in
            for _ in benchmark.scaledIterations {
                blackHole(try scenario.analyze())
            }
        } setup: {
            try ScenarioLoader.bundled(name)
        }
    }

    // Monte Carlo acceptance on the default scenario: 10^5 joint draws on one core (target: under 2 s).
    let monteCarlo = Benchmark.Configuration(
        metrics: [.wallClock, .mallocCountTotal], timeUnits: .milliseconds, warmupIterations: 1,
        maxDuration: .seconds(20), maxIterations: 5)
    Benchmark("Monte Carlo berlin-2025, 100,000 draws, one core", configuration: monteCarlo) { benchmark, scenario in
        for _ in benchmark.scaledIterations {
            blackHole(
                try await scenario.acceptance(options: AcceptanceOptions(samples: 100_000, seed: 1, parallelism: 1)))
        }
    } setup: {
        try ScenarioLoader.bundled("berlin-2025")
    }

    // The spatial model of politics on KTAB's inputs, read from ../shared/conformance/ktab/ at run time (left out when
    // absent): SOE-Pol-Comp (13 actors, 2 dimensions, 27 turns) and the 40-actor one-dimensional dummyData-a040.
    // "Forecast" is the whole `SpatialModel.run()` on the parsed scenario; the CSV is parsed once, in setup.
    let forecast = Benchmark.Configuration(
        metrics: [.wallClock, .mallocCountTotal], timeUnits: .milliseconds, warmupIterations: 1,
        maxDuration: .seconds(10), maxIterations: 20)
    for csv in ["SOE-Pol-Comp", "dummyData-a040"] {
        guard let path = ktabInput(csv) else { continue }
        Benchmark("Forecast \(csv)", configuration: forecast) { benchmark, model in
            for _ in benchmark.scaledIterations {
                blackHole(model.run())
            }
        } setup: {
            try SpatialModel(scenario: try KTABCSVReader.read(path: path))
        }
    }

    jcpoaSizeBenchmark()
    whatIfBenchmarks()
    zoneCountBenchmarks()
    withoutEnumerationBenchmarks()
}

/// The path of a KTAB input in ../shared/conformance/ktab/ beside the package root, or nil when absent.
func ktabInput(_ name: String) -> String? {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let path = root.deletingLastPathComponent().appendingPathComponent("shared/conformance/ktab/\(name).csv").path
    return FileManager.default.fileExists(atPath: path) ? path : nil
}
