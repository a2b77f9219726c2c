import AccordCore
import Benchmark

/// Issue #16: the agreement zone of opposed additive spaces counted without enumeration (meet in the middle,
/// `Scenario.agreementZoneCount()`): 10^9 outcomes (9 issues × 10 options, 2 parties) and 10^12 (12 × 10, 2 and
/// 3 parties). Every issue's values rise for party A and fall for party B, so no option is dominated and the zone
/// boundary cuts through the middle of the space. The scenarios are built in code (`opposedScenario`).
func zoneCountBenchmarks() {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal], timeUnits: .milliseconds,
        warmupIterations: 1, maxDuration: .seconds(20), maxIterations: 5)
    for (issues, parties) in [(9, 2), (12, 2), (12, 3)] {
        Benchmark("Zone count, opposed 10^\(issues), \(parties) parties", configuration: configuration) {
            benchmark, scenario in
            for _ in benchmark.scaledIterations {
                blackHole(try scenario.agreementZoneCount())
            }
        } setup: {
            opposedScenario(issues: issues, options: 10, parties: parties)
        }
    }
}

/// `issues` issues of `options` options each. Party A's value of option k is k/(options − 1) on every issue, party
/// B's is 1 − k/(options − 1); their weights rise (A) and fall (B) with the issue's position, so that few sums
/// tie. A third party, when asked for, likes A's direction on even issues and B's on odd ones, equal weights.
/// Reservations: 0.45 for A and B, 0.4 for the third party.
func opposedScenario(issues count: Int, options: Int, parties: Int) -> Scenario {
    let issues = (0..<count).map { i in
        Issue(id: "i\(i)", kind: .discrete((0..<options).map { Option(id: "o\($0)") }))
    }
    let rising = (0..<options).map { Double($0) / Double(options - 1) }
    let falling = rising.map { 1 - $0 }
    let total = Double(count * (count + 1) / 2)
    let risingWeights = (0..<count).map { Double($0 + 1) / total }
    let members = [
        Party(
            id: "A", utility: LinearAdditiveUtility(weights: risingWeights, values: issues.map { _ in .table(rising) }),
            reservation: 0.45),
        Party(
            id: "B",
            utility: LinearAdditiveUtility(
                weights: risingWeights.reversed(), values: issues.map { _ in .table(falling) }),
            reservation: 0.45),
        Party(
            id: "C",
            utility: LinearAdditiveUtility(
                weights: issues.map { _ in 1 / Double(count) },
                values: (0..<count).map { $0 % 2 == 0 ? .table(rising) : .table(falling) }),
            reservation: 0.4),
    ]
    return Scenario(name: "opposed \(count) × \(options)", issues: issues, parties: Array(members.prefix(parties)))
}
