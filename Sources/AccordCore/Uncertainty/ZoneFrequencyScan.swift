/// Counts, for one Monte Carlo draw, the outcomes in the agreement zone, into per-outcome counters indexed by
/// the outcome's position in the selection (mixed radix over the selected levels).
struct ZoneFrequencyScan: OutcomeVisitor {
    var tables: AdditiveTables
    /// strides[i]: the selection-index weight of issue i.
    let strides: [Int]
    var zoneCount = 0
    /// Per-outcome counters, shared across draws of a chunk; `nil` when the space is too large to track.
    var counts: [Int32]?

    mutating func shouldDescend(depth: Int, prefix: UnsafeBufferPointer<Double>) -> Bool {
        for p in 0..<tables.partyCount
        where prefix[p] + tables.maxRest[p][depth] - tables.reservations[p] < -utilityTolerance {
            return false
        }
        return true
    }

    mutating func visit(utilities: UnsafeBufferPointer<Double>, mask: UInt64, digits: UnsafeBufferPointer<Int>) {
        for p in 0..<tables.partyCount {
            if utilities[p] - tables.reservations[p] < -utilityTolerance { return }
            if mask != 0 && tables.crossesRedLine(p, mask: mask) { return }
        }
        zoneCount += 1
        if counts != nil {
            var index = 0
            for (digit, stride) in zip(digits, strides) { index += digit * stride }
            counts![index] += 1
        }
    }
}
