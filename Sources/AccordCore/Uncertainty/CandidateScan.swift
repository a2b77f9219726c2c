/// Finds the candidates of a Monte Carlo acceptance analysis: the `limit` packages that cross no red line and that
/// every party with certain numbers accepts, with the largest nominal margin u_p − d_p of the least satisfied
/// ranked party (the parties with uncertain numbers); lowest outcome index first on ties.
///
/// A branch-and-bound walk: a sub-space is skipped when a certain party cannot reach its reservation there, or,
/// once `limit` candidates are held, when no package there can beat the weakest of them.
struct CandidateScan: OutcomeVisitor {
    let tables: AdditiveTables
    /// The parties whose acceptance is fixed (checked), and those whose smallest margin ranks the packages.
    let certain: [Int]
    let ranked: [Int]
    let limit: Int
    /// A min-heap: the root is the weakest candidate (smallest margin; on ties, the highest outcome index).
    private(set) var heap: [(margin: Double, digits: [Int])] = []

    init(tables: AdditiveTables, certain: [Int], ranked: [Int], limit: Int) {
        self.tables = tables
        self.certain = certain
        self.ranked = ranked
        self.limit = limit
    }

    mutating func shouldDescend(depth: Int, prefix: UnsafeBufferPointer<Double>) -> Bool {
        for p in certain where prefix[p] + tables.maxRest[p][depth] - tables.reservations[p] < -utilityTolerance {
            return false
        }
        guard heap.count == limit, let weakest = heap.first else { return limit > 0 }
        var bound = Double.infinity
        for p in ranked { bound = min(bound, prefix[p] + tables.maxRest[p][depth] - tables.reservations[p]) }
        // The bound sums in another order than the visit: keep a margin far above rounding.
        return bound + 1e-12 > weakest.margin
    }

    mutating func visit(utilities: UnsafeBufferPointer<Double>, mask: UInt64, digits: UnsafeBufferPointer<Int>) {
        for p in certain where utilities[p] - tables.reservations[p] < -utilityTolerance { return }
        if mask != 0 {
            for p in 0..<tables.partyCount where tables.crossesRedLine(p, mask: mask) { return }
        }
        var margin = Double.infinity
        for p in ranked { margin = min(margin, utilities[p] - tables.reservations[p]) }
        if heap.count < limit {
            heap.append((margin, Array(digits)))
            siftUp(heap.count - 1)
        } else if let weakest = heap.first, margin > weakest.margin {
            // The walk is in outcome-index order, so an equal margin never displaces an earlier package.
            heap[0] = (margin, Array(digits))
            siftDown(0)
        }
    }

    /// Whether heap entry `a` is weaker than `b`.
    private func weaker(_ a: Int, _ b: Int) -> Bool {
        heap[a].margin != heap[b].margin
            ? heap[a].margin < heap[b].margin : heap[b].digits.lexicographicallyPrecedes(heap[a].digits)
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard weaker(child, parent) else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            var weakest = parent
            for child in [2 * parent + 1, 2 * parent + 2] where child < heap.count && weaker(child, weakest) {
                weakest = child
            }
            guard weakest != parent else { return }
            heap.swapAt(parent, weakest)
            parent = weakest
        }
    }
}
