import AccordCore

/// The packages drawn in the utility-space chart: every analysed package, or a deterministic sample of them.
///
/// Up to ``limit`` packages are all drawn. Beyond that, the packages are cut, in outcome-index order, into `limit`
/// strata of equal size and one package is taken from each at a position fixed by a hash of the stratum number: a
/// stratified sample that is the same on every run and does not alias with the mixed-radix order (a plain stride
/// would, for instance, always pick the same option of the last issue).
struct UtilitySample {
    /// How many packages the chart draws at most.
    static let limit = 20_000

    struct Point {
        var x: Double
        var y: Double
        /// Whether every party accepts the package (the agreement zone at nominal values).
        var inZone: Bool
    }

    var points: [Point] = []
    /// How many packages were analysed (and could have been drawn).
    var total: Int
    /// Whether `points` is a sample rather than every package.
    var isSampled: Bool { points.count < total }

    /// - Complexity: O(min(total, limit) × parties × issues).
    init(scenario: Scenario, selection: Selection, x: Int, y: Int, limit: Int = Self.limit) {
        let radices = selection.levels.map(\.count)
        total = selection.count ?? Int.max
        let drawn = min(total, limit)
        points.reserveCapacity(drawn)
        for k in 0..<drawn {
            let index = drawn == total ? k : Self.sampledIndex(stratum: k, of: drawn, total: total)
            var rest = index
            var levels = [Int](repeating: 0, count: radices.count)
            for issue in stride(from: radices.count - 1, through: 0, by: -1) {
                levels[issue] = selection.levels[issue][rest % radices[issue]]
                rest /= radices[issue]
            }
            let outcome = Outcome(levels: levels)
            let utilities = scenario.utilities(of: outcome)
            let inZone = scenario.parties.indices.allSatisfy { p in
                utilities[p] >= scenario.parties[p].reservation - utilityTolerance
                    && scenario.parties[p].crossedRedLine(by: outcome, in: scenario.space) == nil
            }
            points.append(Point(x: utilities[x], y: utilities[y], inZone: inZone))
        }
    }

    /// The package index drawn from stratum `k` of `n` equal strata of `0..<total`.
    static func sampledIndex(stratum k: Int, of n: Int, total: Int) -> Int {
        let low = Self.boundary(k, n, total)
        let high = Self.boundary(k + 1, n, total)
        return low + Int(mix(UInt64(k)) % UInt64(max(1, high - low)))
    }

    /// ⌊k·total/n⌋ without overflow.
    private static func boundary(_ k: Int, _ n: Int, _ total: Int) -> Int {
        let product = UInt64(k).multipliedFullWidth(by: UInt64(total))
        return Int(UInt64(n).dividingFullWidth(product).quotient)
    }

    /// SplitMix64's finaliser: a fixed, well-spread hash of a number.
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
