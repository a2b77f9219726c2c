import AccordCore
import Benchmark

/// Issue #16: the whole exact analysis (zone count, frontier, every solution, closest package, zone list,
/// thresholds, ideals, blocking and coalitions) of opposed additive spaces without enumeration, and, on a 10^7 space
/// both paths can do, the enumerating analysis beside it. The scenarios are `opposedScenario` (ZoneCount.swift).
func withoutEnumerationBenchmarks() {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal], timeUnits: .milliseconds,
        warmupIterations: 1, maxDuration: .seconds(20), maxIterations: 5)
    // A limit of 1 sends every space to the analysis without enumeration; the sensitivity sweep needs every outcome.
    let withoutEnumeration = AnalysisOptions(maxOutcomes: 1, sensitivityOutcomeLimit: 0)
    for (issues, parties) in [(7, 2), (7, 3), (9, 2), (12, 2), (12, 3)] {
        Benchmark(
            "Analysis without enumeration, opposed 10^\(issues), \(parties) parties", configuration: configuration
        ) {
            benchmark, scenario in
            for _ in benchmark.scaledIterations {
                blackHole(try scenario.analyze(options: withoutEnumeration))
            }
        } setup: {
            opposedScenario(issues: issues, options: 10, parties: parties)
        }
    }
    // The enumerating path on the same 10^7 spaces (sensitivity off as above, so both do the same work).
    let enumerating = AnalysisOptions(sensitivityOutcomeLimit: 0)
    for parties in [2, 3] {
        Benchmark("Enumerating analysis, opposed 10^7, \(parties) parties", configuration: configuration) {
            benchmark, scenario in
            for _ in benchmark.scaledIterations {
                blackHole(try scenario.analyze(options: enumerating))
            }
        } setup: {
            opposedScenario(issues: 7, options: 10, parties: parties)
        }
    }
}
