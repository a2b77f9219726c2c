/// Counts the (point, query) pairs in which the point is at least the query on every coordinate: the dominance
/// counting that ``MeetInTheMiddleCount`` reduces the agreement zone's size to.
///
/// Coordinates are ranks (small non-negative integers). Points and queries are flat arrays of `dimensions`
/// coordinates each.
///
/// - Complexity: one coordinate: O((n + m) log n); two: a sweep in decreasing first coordinate with a Fenwick
///   tree over the second, O((n + m) log(n + m)); d ≥ 3: divide and conquer on the first coordinate (CDQ), each
///   level a (d − 1)-coordinate count, O((n + m) log^(d−1)(n + m)). Memory O(n + m) per level.
enum DominanceCount {
    /// How many (point, query) pairs have `point[c] >= query[c]` for every coordinate `c`.
    ///
    /// - Parameter bound: every coordinate is in `0..<bound`.
    static func count(points: [Int32], queries: [Int32], dimensions: Int, bound: Int) -> Int {
        let pointCount = points.count / max(dimensions, 1)
        let queryCount = queries.count / max(dimensions, 1)
        guard pointCount > 0, queryCount > 0 else { return 0 }
        switch dimensions {
        case 0: return pointCount * queryCount
        case 1:
            let sorted = points.sorted()
            return queries.reduce(0) { total, k in total + pointCount - Self.firstIndex(in: sorted, notBelow: k) }
        case 2: return sweep(points: points, queries: queries, bound: bound)
        default: return divideAndConquer(points: points, queries: queries, dimensions: dimensions, bound: bound)
        }
    }

    /// The most cells of a dense table of counts (``dense(points:queryGroups:bounds:)``): 16,777,216 (64 MB).
    static let denseCellLimit = 1 << 24

    /// How many (point, query) pairs have `point[c] >= query[c]` for every coordinate `c`, over several groups of
    /// queries (each a flat array) against the same points.
    ///
    /// When the coordinates' ranges are small — the product of `bounds` within ``denseCellLimit`` and within a few
    /// times the number of items — a dense table of counts answers every query at once; otherwise the sweep or
    /// divide and conquer of ``count(points:queries:dimensions:bound:)``.
    ///
    /// - Parameter bounds: coordinate `c` is in `0..<bounds[c]`; one bound per dimension.
    static func count(points: [Int32], queryGroups: [[Int32]], bounds: [Int]) -> Int {
        let dimensions = bounds.count
        let items = (points.count + queryGroups.reduce(0) { $0 + $1.count }) / max(dimensions, 1)
        let cells = bounds.reduce(1.0) { $0 * Double(max($1, 1)) }
        if dimensions >= 2, cells <= Double(denseCellLimit), cells <= 8 * Double(items) {
            return dense(points: points, queryGroups: queryGroups, bounds: bounds)
        }
        if dimensions == 3 {
            // Sweep the widest coordinate; a two-dimensional Fenwick tree over the other two, when it is small.
            let widest = bounds.indices.max { bounds[$0] < bounds[$1] }!
            let others = bounds.indices.filter { $0 != widest }
            if Double(bounds[others[0]]) * Double(bounds[others[1]]) <= Double(denseCellLimit) {
                let order = [widest] + others
                let reorder = { (flat: [Int32]) in
                    var result = [Int32](repeating: 0, count: flat.count)
                    var i = 0
                    while i < flat.count {
                        for c in 0..<3 { result[i + c] = flat[i + order[c]] }
                        i += 3
                    }
                    return result
                }
                return planeSweep(
                    points: reorder(points), queryGroups: queryGroups.map(reorder), bounds: order.map { bounds[$0] })
            }
        }
        let bound = bounds.max() ?? 0
        return queryGroups.reduce(0) { total, queries in
            total + count(points: points, queries: queries, dimensions: dimensions, bound: bound)
        }
    }

    /// A dense table over every combination of coordinates: each cell first counts the points there, then, after a
    /// suffix sum along each axis in turn, the points at or above it on every coordinate; each query reads its cell.
    ///
    /// - Complexity: O(points + queries + cells · dimensions); memory: a 32-bit count per cell.
    static func dense(points: [Int32], queryGroups: [[Int32]], bounds: [Int]) -> Int {
        let d = bounds.count
        var strides = [Int](repeating: 1, count: d)
        for c in stride(from: d - 2, through: 0, by: -1) { strides[c] = strides[c + 1] * bounds[c + 1] }
        let cells = strides[0] * bounds[0]
        var table = [Int32](repeating: 0, count: cells)
        var total = 0
        table.withUnsafeMutableBufferPointer { table in
            points.withUnsafeBufferPointer { points in
                var i = 0
                while i < points.count {
                    var cell = 0
                    for c in 0..<d { cell += Int(points[i + c]) * strides[c] }
                    table[cell] += 1
                    i += d
                }
            }
            for c in 0..<d {
                // Viewed as [outer][bounds[c]][strides[c]]: add each slice to the one below it, from the top.
                let inner = strides[c]
                let block = inner * bounds[c]
                var outer = 0
                while outer < cells {
                    var level = bounds[c] - 2
                    while level >= 0 {
                        let base = outer + level * inner
                        for j in base..<(base + inner) { table[j] &+= table[j + inner] }
                        level -= 1
                    }
                    outer += block
                }
            }
            for queries in queryGroups {
                queries.withUnsafeBufferPointer { queries in
                    var i = 0
                    while i < queries.count {
                        var cell = 0
                        for c in 0..<d { cell += Int(queries[i + c]) * strides[c] }
                        total += Int(table[cell])
                        i += d
                    }
                }
            }
        }
        return total
    }

    /// Three coordinates whose second and third have small ranges: points and queries in decreasing first
    /// coordinate (bucketed; points before queries on ties), the points met so far in a two-dimensional Fenwick
    /// tree over the other two, each query a prefix count of it (coordinates reversed, so "at least" is a prefix).
    ///
    /// - Complexity: O((n + m) · log bounds[1] · log bounds[2] + bounds[0] + bounds[1] · bounds[2]).
    static func planeSweep(points: [Int32], queryGroups: [[Int32]], bounds: [Int]) -> Int {
        let (b0, b1, b2) = (bounds[0], bounds[1], bounds[2])
        let queries = queryGroups.count == 1 ? queryGroups[0] : Array(queryGroups.joined())
        let pointStarts = bucketStarts(points, bound: b0)
        let queryStarts = bucketStarts(queries, bound: b0)
        let pointOrder = bucketOrder(points, starts: pointStarts)
        let queryOrder = bucketOrder(queries, starts: queryStarts)
        let width = b2 + 1
        var tree = [Int32](repeating: 0, count: (b1 + 1) * width)
        var total = 0
        tree.withUnsafeMutableBufferPointer { tree in
            for value in stride(from: b0 - 1, through: 0, by: -1) {
                for k in pointStarts[value]..<pointStarts[value + 1] {
                    let item = 3 * pointOrder[k]
                    var x = b1 - Int(points[item + 1])
                    let y0 = b2 - Int(points[item + 2])
                    while x <= b1 {
                        var y = y0
                        while y <= b2 {
                            tree[x * width + y] &+= 1
                            y += y & -y
                        }
                        x += x & -x
                    }
                }
                for k in queryStarts[value]..<queryStarts[value + 1] {
                    let item = 3 * queryOrder[k]
                    var x = b1 - Int(queries[item + 1])
                    let y0 = b2 - Int(queries[item + 2])
                    while x > 0 {
                        var y = y0
                        while y > 0 {
                            total += Int(tree[x * width + y])
                            y -= y & -y
                        }
                        x -= x & -x
                    }
                }
            }
        }
        return total
    }

    /// For items of three coordinates, where the items of each first coordinate start in a bucketed order.
    private static func bucketStarts(_ items: [Int32], bound: Int) -> [Int] {
        var starts = [Int](repeating: 0, count: bound + 1)
        var i = 0
        while i < items.count {
            starts[Int(items[i]) + 1] += 1
            i += 3
        }
        for b in 0..<bound { starts[b + 1] += starts[b] }
        return starts
    }

    /// The items of three coordinates in increasing first coordinate (index order within one), as indices.
    private static func bucketOrder(_ items: [Int32], starts: [Int]) -> [Int] {
        var next = starts
        var order = [Int](repeating: 0, count: items.count / 3)
        for item in 0..<(items.count / 3) {
            let bucket = Int(items[3 * item])
            order[next[bucket]] = item
            next[bucket] += 1
        }
        return order
    }

    /// The first index of `sorted` (ascending) whose value is at least `value`.
    private static func firstIndex(in sorted: [Int32], notBelow value: Int32) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Two coordinates: queries in decreasing first coordinate; the points whose first coordinate reaches the
    /// query's are in a Fenwick tree over the second coordinate (compressed to the points' distinct values when the
    /// range is much wider than the number of items, as in the divide-and-conquer's small sub-problems).
    private static func sweep(points: [Int32], queries: [Int32], bound: Int) -> Int {
        let items = (points.count + queries.count) / 2
        var second = stride(from: 1, to: points.count, by: 2).map { points[$0] }
        var thresholds = stride(from: 1, to: queries.count, by: 2).map { queries[$0] }
        var size = bound
        if bound > 4 * items {
            // A point reaches a query exactly when its value's position among the points' distinct values reaches
            // the position of the first such value at least the query's.
            var distinct = second.sorted()
            distinct = distinct.enumerated().filter { $0.offset == 0 || $0.element != distinct[$0.offset - 1] }
                .map(\.element)
            second = second.map { Int32(firstIndex(in: distinct, notBelow: $0)) }
            thresholds = thresholds.map { Int32(firstIndex(in: distinct, notBelow: $0)) }
            size = distinct.count
        }
        let pointOrder = decreasingOrder(of: points, bound: bound, items: items)
        let queryOrder = decreasingOrder(of: queries, bound: bound, items: items)
        var tree = [Int32](repeating: 0, count: size + 1)
        var inserted = 0
        var total = 0
        for q in queryOrder {
            let first = queries[2 * q]
            while inserted < pointOrder.count, points[2 * pointOrder[inserted]] >= first {
                var slot = Int(second[pointOrder[inserted]]) + 1
                while slot <= size {
                    tree[slot] += 1
                    slot += slot & -slot
                }
                inserted += 1
            }
            // Inserted points whose second coordinate is below the query's do not count.
            var below = 0
            var slot = Int(thresholds[q])
            while slot > 0 {
                below += Int(tree[slot])
                slot -= slot & -slot
            }
            total += inserted - below
        }
        return total
    }

    /// The indices of pairs `(first, second)` in decreasing first coordinate: a counting sort when the coordinates'
    /// range is not much wider than the number of items, a comparison sort otherwise.
    private static func decreasingOrder(of pairs: [Int32], bound: Int, items: Int) -> [Int] {
        let count = pairs.count / 2
        guard bound <= 4 * items + 1_024 else {
            return (0..<count).sorted { pairs[2 * $0] > pairs[2 * $1] }
        }
        var starts = [Int](repeating: 0, count: bound + 1)
        for i in 0..<count { starts[bound - 1 - Int(pairs[2 * i]) + 1] += 1 }
        for b in 0..<bound { starts[b + 1] += starts[b] }
        var order = [Int](repeating: 0, count: count)
        for i in 0..<count {
            let bucket = bound - 1 - Int(pairs[2 * i])
            order[starts[bucket]] = i
            starts[bucket] += 1
        }
        return order
    }

    /// Three coordinates or more: points and queries in decreasing first coordinate (points first on ties), so that
    /// a point precedes a query exactly when its first coordinate is at least the query's; then each half counts
    /// its own pairs and the pairs across the middle (points of the first half, queries of the second) are a count
    /// on the remaining coordinates.
    private static func divideAndConquer(points: [Int32], queries: [Int32], dimensions: Int, bound: Int) -> Int {
        // Events: (first coordinate, is query, index); sorted as described.
        var events: [(key: Int32, isQuery: Bool, index: Int32)] = []
        events.reserveCapacity((points.count + queries.count) / dimensions)
        for p in 0..<(points.count / dimensions) { events.append((points[p * dimensions], false, Int32(p))) }
        for q in 0..<(queries.count / dimensions) { events.append((queries[q * dimensions], true, Int32(q))) }
        events.sort { $0.key != $1.key ? $0.key > $1.key : (!$0.isQuery && $1.isQuery) }
        let ordered = events
        let rest = dimensions - 1
        func tail(_ source: [Int32], _ index: Int32, into target: inout [Int32]) {
            let base = Int(index) * dimensions
            for c in 1..<dimensions { target.append(source[base + c]) }
        }
        func solve(_ range: Range<Int>) -> Int {
            guard range.count > 1 else { return 0 }
            if range.count <= 24 {
                // Small ranges: every ordered pair directly.
                var total = 0
                for i in range where !ordered[i].isQuery {
                    let p = Int(ordered[i].index) * dimensions
                    for j in (i + 1)..<range.upperBound where ordered[j].isQuery {
                        let q = Int(ordered[j].index) * dimensions
                        if (1..<dimensions).allSatisfy({ points[p + $0] >= queries[q + $0] }) { total += 1 }
                    }
                }
                return total
            }
            let mid = (range.lowerBound + range.upperBound) / 2
            var total = solve(range.lowerBound..<mid) + solve(mid..<range.upperBound)
            var crossPoints: [Int32] = []
            var crossQueries: [Int32] = []
            for i in range.lowerBound..<mid where !ordered[i].isQuery {
                tail(points, ordered[i].index, into: &crossPoints)
            }
            guard !crossPoints.isEmpty else { return total }
            for i in mid..<range.upperBound where ordered[i].isQuery {
                tail(queries, ordered[i].index, into: &crossQueries)
            }
            total += count(points: crossPoints, queries: crossQueries, dimensions: rest, bound: bound)
            return total
        }
        return solve(0..<ordered.count)
    }
}
