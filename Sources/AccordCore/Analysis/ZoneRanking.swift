/// The best packages of the agreement zone by the listing key, kept while the zone scan walks the space: a bounded
/// heap whose root is the worst package kept, so each zone package costs one comparison unless it enters.
///
/// The key (see ``AgreementZone/outcomes``): the largest smallest margin min_i (u_i − d_i) first, rounded to 9
/// decimals (``marginKey(_:)``) so that rounding noise in the sums does not decide, then the largest Nash product
/// Π_i max(0, u_i − d_i), then the lowest outcome index.
///
/// - Complexity: O(log limit) per package that enters, O(1) per other package; O(limit × issues) memory.
struct ZoneRanking {
    /// A package kept: its key and its selection indices.
    struct Entry {
        var margin: Double
        var nash: Double
        var digits: [Int]

        /// Whether this package is listed before `other`.
        func precedes(_ other: Entry) -> Bool {
            if margin != other.margin { return margin > other.margin }
            if nash != other.nash { return nash > other.nash }
            return digits.lexicographicallyPrecedes(other.digits)
        }
    }

    /// The most packages kept.
    let limit: Int
    /// A heap: every entry precedes (is better than) its parent, so the root is the worst kept.
    private(set) var heap: [Entry] = []

    init(limit: Int) { self.limit = max(0, limit) }

    /// The smallest margin as the ranking compares it: in units of ``utilityTolerance`` (1e-9), rounded, so that
    /// 0.4 − 0.3 and 0.5 − 0.4 tie.
    @inline(__always)
    static func marginKey(_ margin: Double) -> Double { (margin / utilityTolerance).rounded() }

    /// Offers a zone package. The walk visits packages in outcome-index order, so a later package that ties the
    /// worst kept on margin and Nash product has a higher index and does not enter.
    @inline(__always)
    mutating func offer(margin: Double, nash: Double, digits: UnsafeBufferPointer<Int>) {
        guard limit > 0 else { return }
        if heap.count < limit {
            heap.append(Entry(margin: margin, nash: nash, digits: Array(digits)))
            siftUp(heap.count - 1)
            return
        }
        let worst = heap[0]
        guard margin > worst.margin || (margin == worst.margin && nash > worst.nash) else { return }
        heap[0] = Entry(margin: margin, nash: nash, digits: Array(digits))
        siftDown(0)
    }

    /// The packages kept, best first.
    var ranked: [Entry] { heap.sorted { $0.precedes($1) } }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[parent].precedes(heap[child]) else { return }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            var worst = parent
            for child in (2 * parent + 1)...(2 * parent + 2) where child < heap.count {
                if heap[worst].precedes(heap[child]) { worst = child }
            }
            guard worst != parent else { return }
            heap.swapAt(parent, worst)
            parent = worst
        }
    }
}
