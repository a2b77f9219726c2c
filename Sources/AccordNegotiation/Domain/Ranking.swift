/// One party's outcomes in descending order of its utility (ties by ascending outcome index).
public struct Ranking: Sendable {
    /// Outcome indices, best first.
    public let outcomes: [Int32]
    /// The party's utility of each, parallel to `outcomes` (non-increasing).
    public let utilities: [Double]

    /// The number of outcomes ranked.
    public var count: Int { outcomes.count }
    /// The best utility, or 0 when nothing is ranked.
    public var best: Double { utilities.first ?? 0 }
    /// The worst utility, or 0 when nothing is ranked.
    public var worst: Double { utilities.last ?? 0 }

    /// The position of the worst-ranked outcome whose utility is at least `target`: the offer closest to the
    /// target from above. Position 0 (the best outcome) when the target is above every utility.
    @inline(__always)
    public func position(atLeast target: Double) -> Int {
        // utilities is non-increasing: find the first index whose utility is below target, minus one.
        var low = 0
        var high = utilities.count
        while low < high {
            let middle = (low + high) >> 1
            if utilities[middle] >= target { low = middle + 1 } else { high = middle }
        }
        return max(0, low - 1)
    }
}
