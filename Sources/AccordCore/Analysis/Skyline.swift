/// The points kept so far by a sort-filter-skyline pass, answering "does a kept point dominate this one?".
///
/// Points are stored contiguously in blocks of ``blockSize`` with each block's per-party maximum, so a query
/// skips every block whose maximum falls short of the point on some party: no point in it can dominate.
struct Skyline {
    /// Which dominance the queries test.
    enum Dominance {
        /// `y ≥ x` exactly on every party, `y > x + ε` on one, and `y` meets no red-line condition `x` does not.
        case strong
        /// The ε definition: `y ≥ x − ε` on every party and `y > x + ε` on one (masks ignored).
        case epsilon
    }

    static let blockSize = 16

    let parties: Int
    let dominance: Dominance
    private(set) var count = 0
    private var points: [Double] = []
    private var masks: [UInt64] = []
    private var blockMaxima: [Double] = []
    private var lastHit = -1

    init(parties: Int, dominance: Dominance) {
        self.parties = parties
        self.dominance = dominance
    }

    /// Whether a kept point dominates `x` (given by its first utility's index in `utilities`).
    mutating func isDominated(_ utilities: UnsafeBufferPointer<Double>, at offset: Int, mask: UInt64) -> Bool {
        let parties = self.parties
        let slack = dominance == .strong ? 0 : utilityTolerance
        let checkMasks = dominance == .strong
        return points.withUnsafeBufferPointer { points in
            func dominates(_ slot: Int) -> Bool {
                if checkMasks && masks[slot] & ~mask != 0 { return false }
                var strictly = false
                for p in 0..<parties {
                    let uy = points[slot * parties + p]
                    let ux = utilities[offset + p]
                    if uy < ux - slack { return false }
                    if uy > ux + utilityTolerance { strictly = true }
                }
                return strictly
            }
            if lastHit >= 0 && dominates(lastHit) { return true }
            return blockMaxima.withUnsafeBufferPointer { maxima in
                var block = 0
                var start = 0
                while start < count {
                    var reachable = true
                    for p in 0..<parties where maxima[block * parties + p] < utilities[offset + p] - slack {
                        reachable = false
                        break
                    }
                    if reachable {
                        for slot in start..<min(start + Self.blockSize, count) where dominates(slot) {
                            lastHit = slot
                            return true
                        }
                    }
                    block += 1
                    start += Self.blockSize
                }
                return false
            }
        }
    }

    /// Keeps a point.
    mutating func insert(_ utilities: UnsafeBufferPointer<Double>, at offset: Int, mask: UInt64) {
        if count % Self.blockSize == 0 {
            blockMaxima.append(contentsOf: repeatElement(-Double.infinity, count: parties))
        }
        let block = count / Self.blockSize
        for p in 0..<parties {
            let value = utilities[offset + p]
            points.append(value)
            blockMaxima[block * parties + p] = max(blockMaxima[block * parties + p], value)
        }
        masks.append(mask)
        count += 1
    }
}
