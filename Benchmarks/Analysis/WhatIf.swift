import AccordKit
import Benchmark
import Foundation

/// The web workspace's slider re-analysis (`WhatIfRequest`, issue #13) on the bundled berlin-2025: Russia's
/// reservation lowered to 0.55 (the zone opens) or one of Russia's weights changed, each with its JSON document
/// rendered. "From text" parses the scenario's YAML in every iteration (as `run()` does for a stored scenario's
/// text); "parsed" starts from the parsed scenario (`result(for:)`, for a server that keeps scenarios parsed), so
/// the difference is the parser's share. Target: well under 20 ms.
func whatIfBenchmarks() {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident], timeUnits: .microseconds,
        warmupIterations: 5, maxDuration: .seconds(3), maxIterations: 1_000)
    let requests: [(name: String, make: @Sendable (ScenarioSource) -> WhatIfRequest)] = [
        ("reservation", { WhatIfRequest(source: $0, reservations: ["russia": 0.55]) }),
        ("weight", { WhatIfRequest(source: $0, weights: ["russia": ["territory": 0.5]]) }),
    ]
    for (name, make) in requests {
        Benchmark("What-if berlin-2025, changed \(name), from text", configuration: configuration) { benchmark, text in
            for _ in benchmark.scaledIterations {
                blackHole(try await make(.text(text, file: "berlin-2025.yaml")).run().render(.json))
            }
        } setup: {
            try String(contentsOfFile: try ScenarioLoader.bundledPath("berlin-2025"), encoding: .utf8)
        }
        Benchmark("What-if berlin-2025, changed \(name), parsed", configuration: configuration) { benchmark, scenario in
            for _ in benchmark.scaledIterations {
                blackHole(try make(.default).result(for: scenario).render(.json))
            }
        } setup: {
            try ScenarioLoader.bundled("berlin-2025")
        }
    }
    // What the server does per request (issue #13): the compact document, through a JSON tree or straight to bytes;
    // and a reservation moved with the frontier kept in a memo (the weights unchanged) or built again.
    Benchmark("What-if berlin-2025 document, JSON tree serialised", configuration: configuration) { benchmark, result in
        for _ in benchmark.scaledIterations { blackHole(result.json().serialized(indent: 0)) }
    } setup: {
        try WhatIfRequest(reservations: ["russia": 0.55]).result(for: try ScenarioLoader.bundled("berlin-2025"))
    }
    Benchmark("What-if berlin-2025 document, written to bytes", configuration: configuration) { benchmark, result in
        for _ in benchmark.scaledIterations { blackHole(result.compactJSONBytes()) }
    } setup: {
        try WhatIfRequest(reservations: ["russia": 0.55]).result(for: try ScenarioLoader.bundled("berlin-2025"))
    }
    for memo in [false, true] {
        let label = memo ? "frontier kept" : "frontier built"
        Benchmark("What-if berlin-2025, reservation moved, \(label)", configuration: configuration) {
            benchmark, scenario in
            let frontiers = memo ? FrontierMemo() : nil
            for iteration in benchmark.scaledIterations {
                let reservation = 0.3 + Double(iteration % 200) / 1_000
                blackHole(
                    try WhatIfRequest(reservations: ["russia": reservation]).result(for: scenario, frontiers: frontiers)
                )
            }
        } setup: {
            try ScenarioLoader.bundled("berlin-2025")
        }
    }
}
