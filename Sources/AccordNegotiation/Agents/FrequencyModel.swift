/// A frequency opponent model in the style of HardHeaded (ANAC 2011): an issue the opponent keeps unchanged
/// between consecutive offers gains weight, and an option gains value each time the opponent offers it.
///
/// For each opponent, issue weights start equal (1/n) and every option's count at 1. After each offer, every
/// issue whose option is the same as in the opponent's previous offer gains `learningRate / n` weight and
/// the weights are renormalised to sum 1; the offered option of every issue gains 1 count. The estimated
/// utility is Σ_i w_i · count_i(option) / max_k count_i(k).
public struct FrequencyModel: OpponentModel {
    private let domain: NegotiationDomain
    private let radices: [Int]
    /// The opponents modelled (scenario indices).
    public let opponents: [Int]
    /// HardHeaded's learning coefficient (0.2).
    public let learningRate: Double
    private var weights: [[Double]]
    private var counts: [[[Double]]]
    private var maxCounts: [[Double]]
    private var lastOffer: [Int]
    /// scaled[m][offsets[i] + level] = w_i · count_i(level) / max count_i, kept up to date after every offer, so an
    /// estimate is one table lookup per issue.
    private var scaled: [[Double]]
    private let offsets: [Int]

    public init(setup: AgentSetup, learningRate: Double = 0.2) {
        domain = setup.domain
        let radices = setup.domain.scenario.space.radices
        self.radices = radices
        opponents = setup.opponents
        self.learningRate = learningRate
        let n = radices.count
        weights = opponents.map { _ in [Double](repeating: 1 / Double(max(n, 1)), count: n) }
        counts = opponents.map { _ in radices.map { [Double](repeating: 1, count: $0) } }
        maxCounts = opponents.map { _ in [Double](repeating: 1, count: n) }
        lastOffer = opponents.map { _ in -1 }
        var offsets: [Int] = []
        var total = 0
        for radix in radices {
            offsets.append(total)
            total += radix
        }
        self.offsets = offsets
        let uniform = 1 / Double(max(n, 1))
        scaled = opponents.map { _ in [Double](repeating: uniform, count: total) }
    }

    public var isActive: Bool { true }

    public mutating func observe(offer: Int, from party: Int) {
        guard let m = opponents.firstIndex(of: party) else { return }
        let n = radices.count
        if lastOffer[m] >= 0 {
            var unchanged = 0
            let gain = learningRate / Double(n)
            for issue in 0..<n
            where domain.level(of: offer, issue: issue) == domain.level(of: lastOffer[m], issue: issue) {
                weights[m][issue] += gain
                unchanged += 1
            }
            if unchanged > 0 {
                let total = weights[m].reduce(0, +)
                for issue in 0..<n { weights[m][issue] /= total }
            }
        }
        for issue in 0..<n {
            let level = domain.level(of: offer, issue: issue)
            counts[m][issue][level] += 1
            maxCounts[m][issue] = max(maxCounts[m][issue], counts[m][issue][level])
        }
        lastOffer[m] = offer
        for issue in 0..<n {
            let scale = weights[m][issue] / maxCounts[m][issue]
            for level in 0..<radices[issue] { scaled[m][offsets[issue] + level] = scale * counts[m][issue][level] }
        }
    }

    public func utility(of outcome: Int, for party: Int) -> Double {
        guard let m = opponents.firstIndex(of: party) else { return 0 }
        return estimate(outcome, model: m)
    }

    public func opponentsUtility(of outcome: Int) -> Double {
        guard !opponents.isEmpty else { return 0 }
        var total = 0.0
        for m in opponents.indices { total += estimate(outcome, model: m) }
        return total / Double(opponents.count)
    }

    @inline(__always)
    private func estimate(_ outcome: Int, model m: Int) -> Double {
        var total = 0.0
        scaled[m].withUnsafeBufferPointer { table in
            for issue in 0..<radices.count {
                total += table[offsets[issue] + domain.level(of: outcome, issue: issue)]
            }
        }
        return total
    }

    /// The estimated issue weights of an opponent (for reports and tests).
    public func estimatedWeights(of party: Int) -> [Double]? {
        opponents.firstIndex(of: party).map { weights[$0] }
    }
}
