import AccordCore
import AccordFormats
import AccordNegotiation
import Benchmark

/// Negotiation sessions on the bilateral simulation domain `synthetic-15k-2p` (6 issues × 5 options = 15,625
/// outcomes), one core, no trace: the measurement docs/performance.md compares with NegMAS's SAOMechanism and
/// Boulware agents (scripts/negmas_simulation_bench.py).
///
/// Each benchmark reports wall-clock time per session; rounds per second = rounds per session / time.
/// - "Boulware vs Hardliner, 100,000 rounds": never agrees, so every round runs: the raw round rate.
/// - "Boulware vs Boulware, 1,000 rounds": agrees late, as in NegMAS's benchmark; includes creating the agents.
/// - "Domain setup": building the utility table and both parties' sorted outcome lists, done once per domain.
///
/// The long sessions through AccordKit, with their report and trace file, are in LongSimulation.swift.
let benchmarks: @Sendable () -> Void = {
    longSimulationBenchmarks()

    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .mallocCountTotal], timeUnits: .microseconds, warmupIterations: 3,
        maxDuration: .seconds(5), maxIterations: 1_000)

    func session(_ agents: String, rounds: Int, domain: NegotiationDomain) throws -> Session {
        let setup = SimulationSetup(rounds: rounds, agents: try AgentAssignment(parsing: agents))
        return try setup.session(on: domain, recordsTrace: false)
    }

    Benchmark("Boulware vs Hardliner, 100,000 rounds (15,625 outcomes)", configuration: configuration) {
        benchmark, session in
        for _ in benchmark.scaledIterations { blackHole(session.run()) }
    } setup: {
        try session(
            "a=boulware,b=hardliner", rounds: 100_000,
            domain: NegotiationDomain(
                scenario: ScenarioLoader.bundled("synthetic-15k-2p")))
    }

    Benchmark("Boulware vs Boulware, 1,000 rounds (15,625 outcomes)", configuration: configuration) {
        benchmark, session in
        for _ in benchmark.scaledIterations { blackHole(session.run()) }
    } setup: {
        try session(
            "a=boulware,b=boulware", rounds: 1_000,
            domain: NegotiationDomain(
                scenario: ScenarioLoader.bundled("synthetic-15k-2p")))
    }

    Benchmark("Domain setup (15,625 outcomes, 2 parties)", configuration: configuration) { benchmark, scenario in
        for _ in benchmark.scaledIterations { blackHole(try NegotiationDomain(scenario: scenario)) }
    } setup: {
        try ScenarioLoader.bundled("synthetic-15k-2p")
    }
}
