/// The number of outcomes of a selection that every member of a set of parties accepts, counted without visiting
/// them: meet in the middle.
///
/// The issues are split in two halves, `0..<split` (left) and `split..<issues` (right), balanced by size. Each
/// half's partial outcomes are listed once, for every party, when the counter is made; every count (the zone's, each
/// coalition's) then reads those lists. A left partial outcome carries, for each party, its utility summed over the
/// left issues, kept as its rank among the half's sorted distinct values; a right partial outcome carries, for each
/// party, the rank of the smallest left value with which that party accepts (its threshold). An outcome is a
/// (left, right) pair, so the zone's size is the number of pairs in which, for every member, the left rank reaches
/// the right threshold and no member's red line is crossed.
///
/// **Why the count is exact, to the outcome.** The enumerating path (``OutcomeWalker``) computes party p's utility
/// as the floating-point sum in issue order, `u = ((0 + c_0) + c_1) + … + c_(n−1)`, and p accepts when
/// `u − d_p ≥ −ε` (computed as written) and no red line of p is covered. The left value `v` is exactly that sum's
/// prefix after the left issues (the same additions in the same order). For a fixed right part the rest of the
/// computation, `v ↦ fl(…fl(v + c_split)… + c_(n−1)) − d_p ≥ −ε`, is a composition of maps `v ↦ fl(v + c)`, each
/// non-decreasing because IEEE 754 rounding to nearest is monotone. So p accepts the pair exactly when `v` is at
/// least the smallest left value p accepts with that right part, a threshold found by binary search over the
/// sorted left values with that very computation. No tolerance argument is needed: every comparison is the
/// enumerating path's own, done on the same doubles. A pair then counts when, for every member, the left value's
/// rank reaches the right part's threshold rank — dominance counting (``DominanceCount``) — and the union of the
/// halves' red-line condition bits covers no member's red line: partial outcomes that cover a member's red line
/// alone are left out, the rest are grouped by the bits of the members' red lines they meet, and only the
/// compatible pairs of groups are counted. Ranks over every partial outcome of the half (not only those a count
/// keeps) compare exactly as values do, so one ranking serves every count.
///
/// - Complexity: with n left and m right partial outcomes and P parties, made once: O(P·n log n) to list and rank
///   the left half, O(P·m·log n) for the thresholds; memory O((n + m)·P). Each count over k members: the dominance
///   count (``DominanceCount``), once per compatible pair of red-line groups.
struct MeetInTheMiddleCount {
    let tables: AdditiveTables
    /// The issue at which the right half starts.
    let split: Int
    /// Per party: the sorted distinct utilities of the left partial outcomes.
    private let leftValues: [[Double]]
    /// Per party: each left partial outcome's rank in `leftValues`.
    private let leftRanks: [[Int32]]
    private let leftMasks: [UInt64]
    /// Per party: each right partial outcome's threshold rank (`leftValues[p].count` when no left value will do).
    private let rightThresholds: [[Int32]]
    private let rightMasks: [UInt64]

    /// The partial outcomes of both halves: the work of one count, in checks.
    var partialOutcomes: Int { leftMasks.count + rightMasks.count }

    /// The issue at which the right half starts: the split that makes the larger half smallest.
    static func split(_ radices: [Int]) -> Int {
        let total = radices.reduce(1.0) { $0 * Double($1) }
        var left = 1.0
        var best = (size: total, split: 0)
        for (issue, radix) in radices.enumerated() {
            left *= Double(radix)
            let larger = max(left, total / left)
            if larger < best.size { best = (larger, issue + 1) }
        }
        return best.split
    }

    /// Lists and ranks both halves for every party of the tables.
    ///
    /// - Parameter halfLimit: the most partial outcomes one half may hold.
    /// - Throws: ``AnalysisError/spaceTooLarge(outcomes:afterPruning:limit:)`` when a half has more than
    ///   `halfLimit` partial outcomes.
    init(tables: AdditiveTables, halfLimit: Int) throws(AnalysisError) {
        self.tables = tables
        let radices = tables.levels.map(\.count)
        let split = Self.split(radices)
        let leftSize = radices[..<split].reduce(1.0) { $0 * Double($1) }
        let rightSize = radices[split...].reduce(1.0) { $0 * Double($1) }
        guard max(leftSize, rightSize) <= Double(halfLimit) else {
            throw .spaceTooLarge(
                outcomes: leftSize * rightSize, afterPruning: max(leftSize, rightSize), limit: halfLimit)
        }
        self.split = split
        leftMasks = Self.masks(tables, issues: 0..<split)
        rightMasks = Self.masks(tables, issues: split..<tables.issueCount)
        var values: [[Double]] = []
        var ranks: [[Int32]] = []
        var thresholds: [[Int32]] = []
        for p in 0..<tables.partyCount {
            let (sorted, rank) = Self.leftHalf(tables, party: p, split: split)
            values.append(sorted)
            ranks.append(rank)
            thresholds.append(Self.thresholds(tables, party: p, split: split, left: sorted))
        }
        leftValues = values
        leftRanks = ranks
        rightThresholds = thresholds
    }

    /// How many outcomes every party in `members` accepts: each member's utility is at least its reservation
    /// minus ε and no member's red line is crossed (other parties' red lines do not matter, as in a coalition's
    /// zone).
    func count(members: [Int]) -> Int {
        let lines = members.flatMap { tables.redLineMasks[$0] }
        let relevant = lines.reduce(0, |)
        let crosses = { (mask: UInt64) in mask & relevant != 0 && lines.contains { $0 & mask == $0 } }
        let k = members.count
        var leftGroups: [UInt64: [Int32]] = [:]
        if relevant == 0 {
            // No red line of a member: one group, every partial outcome.
            var points = [Int32]()
            points.reserveCapacity(leftMasks.count * k)
            for item in leftMasks.indices {
                for p in members { points.append(leftRanks[p][item]) }
            }
            leftGroups[0] = points
        } else {
            for item in leftMasks.indices where !crosses(leftMasks[item]) {
                let key = leftMasks[item] & relevant
                leftGroups[key, default: []].append(contentsOf: members.map { leftRanks[$0][item] })
            }
        }
        var rightGroups: [UInt64: [Int32]] = [:]
        var queries = [Int32]()
        let bounds = members.map { leftValues[$0].count }
        right: for item in rightMasks.indices where !crosses(rightMasks[item]) {
            for (j, p) in members.enumerated() where rightThresholds[p][item] >= bounds[j] { continue right }
            if relevant == 0 {
                for p in members { queries.append(rightThresholds[p][item]) }
            } else {
                rightGroups[rightMasks[item] & relevant, default: []].append(
                    contentsOf: members.map { rightThresholds[$0][item] })
            }
        }
        if relevant == 0 { rightGroups[0] = queries }
        var total = 0
        for (leftMask, points) in leftGroups {
            let compatible = rightGroups.filter { !crosses(leftMask | $0.key) }.map(\.value)
            guard !compatible.isEmpty else { continue }
            total += DominanceCount.count(points: points, queryGroups: compatible, bounds: bounds)
        }
        return total
    }

    /// Each partial outcome's red-line condition bits over a range of issues, in outcome-index order.
    private static func masks(_ tables: AdditiveTables, issues: Range<Int>) -> [UInt64] {
        var masks: [UInt64] = []
        forEachPartialOutcome(tables, issues: issues) { digits in
            var mask: UInt64 = 0
            for (offset, issue) in issues.enumerated() { mask |= tables.conditionMask[issue][digits[offset]] }
            masks.append(mask)
        }
        return masks
    }

    /// The left half for one party: the sorted distinct utilities, and each partial outcome's rank among them.
    private static func leftHalf(_ tables: AdditiveTables, party p: Int, split: Int) -> ([Double], [Int32]) {
        var utilities: [Double] = []
        let table = tables.contribution[p]
        forEachPartialOutcome(tables, issues: 0..<split) { digits in
            // The enumerating path's prefix: the same additions, in issue order, from 0.
            var u = 0.0
            for issue in 0..<split { u += table[issue][digits[issue]] }
            utilities.append(u)
        }
        let order = SortedOrder.ascending(utilities)
        var sorted: [Double] = []
        var ranks = [Int32](repeating: 0, count: utilities.count)
        for index in order {
            let value = utilities[index]
            if sorted.last != value { sorted.append(value) }
            ranks[index] = Int32(sorted.count - 1)
        }
        return (sorted, ranks)
    }

    /// One party's threshold rank for each right partial outcome: the rank of the smallest left value with which
    /// the party accepts, `values.count` when none will do.
    private static func thresholds(_ tables: AdditiveTables, party p: Int, split: Int, left values: [Double])
        -> [Int32]
    {
        let issues = tables.issueCount
        let table = tables.contribution[p]
        let reservation = tables.reservations[p]
        var result: [Int32] = []
        let width = issues - split
        let contributions = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(width, 1))
        defer { contributions.deallocate() }
        values.withUnsafeBufferPointer { values in
            forEachPartialOutcome(tables, issues: split..<issues) { digits in
                var rest = 0.0
                for offset in 0..<width {
                    contributions[offset] = table[split + offset][digits[offset]]
                    rest += contributions[offset]
                }
                // The enumerating path's test, finishing its sum from the left value in issue order.
                let accepts = { (v: Double) in
                    var u = v
                    for offset in 0..<width { u += contributions[offset] }
                    return u - reservation >= -utilityTolerance
                }
                let rank = threshold(in: values, accepts: accepts, near: reservation - utilityTolerance - rest)
                result.append(Int32(rank))
            }
        }
        return result
    }

    /// Calls `body` with the selection indices (of `issues`, in order) of every partial outcome over a range of
    /// issues, in outcome-index order.
    private static func forEachPartialOutcome(
        _ tables: AdditiveTables, issues: Range<Int>, _ body: ([Int]) -> Void
    ) {
        let radices = issues.map { tables.levels[$0].count }
        guard !radices.contains(0) else { return }
        var digits = [Int](repeating: 0, count: radices.count)
        while true {
            body(digits)
            var position = radices.count - 1
            while position >= 0 {
                digits[position] += 1
                if digits[position] < radices[position] { break }
                digits[position] = 0
                position -= 1
            }
            if position < 0 { return }
        }
    }

    /// The first index of `sorted` at which `accepts` (non-decreasing) holds, `sorted.count` if none: checked first
    /// at the first value reaching `near` (a value near the boundary found with plain comparisons), where two
    /// evaluations of `accepts` usually confirm it; otherwise found by binary search. Either way the answer is
    /// decided by `accepts` alone.
    private static func threshold(
        in sorted: UnsafeBufferPointer<Double>, accepts: (Double) -> Bool, near: Double
    ) -> Int {
        let candidate = firstIndex(in: sorted) { $0 >= near }
        let holdsHere = candidate == sorted.count || accepts(sorted[candidate])
        let failsBefore = candidate == 0 || !accepts(sorted[candidate - 1])
        if holdsHere && failsBefore { return candidate }
        return firstIndex(in: sorted, where: accepts)
    }

    /// The first index of `sorted` at which a non-decreasing predicate holds (`sorted.count` if none).
    private static func firstIndex(in sorted: UnsafeBufferPointer<Double>, where holds: (Double) -> Bool) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if holds(sorted[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
