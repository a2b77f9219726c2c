import Foundation

/// A scenario of the size of the 2015 JCPOA endgame that issue #12's analyst modelled: 7 issues whose options
/// multiply to 12 × 10 × 7 × 7 × 6 × 7 × 6 = 1,481,760 packages, 4 parties, red lines, and Iran's weights known only
/// roughly. It lives in `Benchmarks/scenarios/jcpoa-size.yaml`, which the benchmark in `Benchmarks/Analysis` and
/// docs/performance.md time too.
enum JCPOAScenario {
    /// The scenario file's path.
    static let path = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Benchmarks/scenarios/jcpoa-size.yaml").path
}
