// swift-tools-version: 6.1
// The benchmarks live in their own package so that the root package (and CI's `swift test`) never resolves or
// builds ordo-one/benchmark. Run them with `cd Benchmarks && swift package benchmark`; see docs/performance.md.
import PackageDescription

let package = Package(
    name: "AccordBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Accord", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The benchmark plugin runs executable targets whose folder sits directly in a folder named `Benchmarks`.
        .executableTarget(
            name: "Analysis",
            dependencies: [
                .product(name: "AccordCore", package: "Accord"),
                .product(name: "AccordForecast", package: "Accord"),
                .product(name: "AccordFormats", package: "Accord"),
                .product(name: "AccordKit", package: "Accord"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Analysis",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "Simulation",
            dependencies: [
                .product(name: "AccordCore", package: "Accord"),
                .product(name: "AccordNegotiation", package: "Accord"),
                .product(name: "AccordFormats", package: "Accord"),
                .product(name: "AccordKit", package: "Accord"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Simulation",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
