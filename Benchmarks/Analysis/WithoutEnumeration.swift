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
    // With --diagnostics-limit raised, the 10^12 3-party analysis also counts its 4 coalitions (left out by default:
    // 2,000,000 partial outcomes × 4 coalitions is over the default limit of 2,000,000 checks).
    let everyDiagnostic = AnalysisOptions(maxOutcomes: 1, diagnosticsWorkLimit: .max, sensitivityOutcomeLimit: 0)
    Benchmark("Analysis without enumeration, opposed 10^12, 3 parties, with coalitions", configuration: configuration) {
        benchmark, scenario in
        for _ in benchmark.scaledIterations {
            blackHole(try scenario.analyze(options: everyDiagnostic))
        }
    } setup: {
        opposedScenario(issues: 12, options: 10, parties: 3)
    }
    // Monte Carlo with weights, an option value and reservations uncertain (1,000 draws): the tracked packages, then
    // a bounded walk, then the draw's own frontier decide each draw's zone emptiness.
    for (issues, parties) in [(9, 2), (9, 3)] {
        Benchmark(
            "Monte Carlo, uncertain weights, opposed 10^\(issues), \(parties) parties, 1,000 draws",
            configuration: configuration
        ) {
            benchmark, scenario in
            for _ in benchmark.scaledIterations {
                blackHole(try await scenario.acceptance(options: AcceptanceOptions(samples: 1_000, seed: 1)))
            }
        } setup: {
            uncertainOpposedScenario(issues: issues, parties: parties)
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

/// `opposedScenario` with every party's first weight (0 to 3 times its value), the first option's value on the last
/// issue (0 to 1) and its reservation (up to 0.4 above) uncertain: about a quarter of the draws have an empty zone.
func uncertainOpposedScenario(issues: Int, parties: Int) -> Scenario {
    var scenario = opposedScenario(issues: issues, options: 10, parties: parties)
    for p in scenario.parties.indices {
        let weights = (scenario.parties[p].utility as! LinearAdditiveUtility).weights
        let reservation = scenario.parties[p].reservation
        scenario.parties[p].uncertainty = PartyUncertainty(
            writtenWeights: weights, weights: [0: .uniform(low: 0, high: 3 * weights[0])],
            values: [.table(issue: issues - 1, option: 0): .uniform(low: 0, high: 1)],
            reservation: .uniform(low: reservation, high: reservation + 0.4))
    }
    return scenario
}
