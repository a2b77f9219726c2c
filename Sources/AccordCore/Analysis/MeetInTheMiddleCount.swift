/// The number of outcomes of a selection that every member of a set of parties accepts, counted without visiting
/// them: meet in the middle.
///
/// The issues are split in two halves, `0..<split` (left) and `split..<issues` (right), balanced by size. Each
/// half's partial outcomes are listed once: a left partial outcome carries, for each member, its utility summed
/// over the left issues; a partial outcome that already covers a member's red line by itself is dropped. An outcome
/// is a (left, right) pair, so the zone's size is the number of pairs every member accepts.
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
/// halves' red-line condition bits covers no member's red line: partial outcomes are grouped by the bits of the
/// members' red lines they meet, and only the compatible pairs of groups are counted.
///
/// - Complexity: with n left and m right partial outcomes and k members: O(n·k log n) to list and rank the left
///   half, O(m·k·log n·issues) for the thresholds, and the dominance count, O((n + m) log^(max(1, k−1))(n + m)),
///   once per compatible pair of red-line groups. Memory O((n + m)·k).
struct MeetInTheMiddleCount {
    let tables: AdditiveTables
    /// The most partial outcomes one half may hold.
    let halfLimit: Int

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

    /// How many outcomes every party in `members` accepts: each member's utility is at least its reservation
    /// minus ε and no member's red line is crossed (other parties' red lines do not matter, as in a coalition's
    /// zone).
    ///
    /// - Throws: ``AnalysisError/spaceTooLarge(outcomes:afterPruning:limit:)`` when a half has more than
    ///   `halfLimit` partial outcomes.
    func count(members: [Int]) throws(AnalysisError) -> Int {
        let radices = tables.levels.map(\.count)
        let split = Self.split(radices)
        let leftSize = radices[..<split].reduce(1.0) { $0 * Double($1) }
        let rightSize = radices[split...].reduce(1.0) { $0 * Double($1) }
        guard max(leftSize, rightSize) <= Double(halfLimit) else {
            throw .spaceTooLarge(
                outcomes: leftSize * rightSize, afterPruning: max(leftSize, rightSize), limit: halfLimit)
        }
        let lines = members.flatMap { tables.redLineMasks[$0] }
        let relevant = lines.reduce(0, |)
        let crosses = { (mask: UInt64) in lines.contains { $0 & mask == $0 } }
        let left = leftHalf(members: members, split: split, crosses: crosses)
        var leftGroups: [UInt64: [Int32]] = [:]
        for (item, mask) in left.masks.enumerated() {
            leftGroups[mask & relevant, default: []].append(
                contentsOf: left.ranks[(item * members.count)..<((item + 1) * members.count)])
        }
        let rightGroups = thresholds(members: members, split: split, left: left.values, crosses: crosses) {
            $0 & relevant
        }
        let bound = left.values.map(\.count).max() ?? 0
        var total = 0
        for (leftMask, points) in leftGroups {
            for (rightMask, queries) in rightGroups where !crosses(leftMask | rightMask) {
                total += DominanceCount.count(
                    points: points, queries: queries, dimensions: members.count, bound: bound)
            }
        }
        return total
    }

    /// The left half: per member, the sorted distinct utilities; per partial outcome (crossing no member's red line
    /// alone), the members' utility ranks in those lists and its red-line condition bits.
    private func leftHalf(members: [Int], split: Int, crosses: (UInt64) -> Bool)
        -> (values: [[Double]], ranks: [Int32], masks: [UInt64])
    {
        var utilities: [Double] = []
        var masks: [UInt64] = []
        forEachPartialOutcome(issues: 0..<split) { digits, mask in
            guard !crosses(mask) else { return }
            masks.append(mask)
            for p in members {
                // The enumerating path's prefix: the same additions, in issue order, from 0.
                var u = 0.0
                for issue in 0..<split { u += tables.contribution[p][issue][digits[issue]] }
                utilities.append(u)
            }
        }
        let k = members.count
        var values: [[Double]] = []
        var ranks = [Int32](repeating: 0, count: utilities.count)
        for j in 0..<k {
            let column = stride(from: j, to: utilities.count, by: k).map { utilities[$0] }
            var sorted = column.sorted()
            sorted = sorted.enumerated().filter { $0.offset == 0 || $0.element != sorted[$0.offset - 1] }.map(\.element)
            for (item, value) in column.enumerated() {
                ranks[item * k + j] = Int32(Self.firstIndex(in: sorted) { $0 >= value })
            }
            values.append(sorted)
        }
        return (values, ranks, masks)
    }

    /// The right half's queries, grouped by `group(mask)`: per partial outcome that crosses no member's red line
    /// alone and that every member accepts with some left value, each member's threshold rank — the rank of the
    /// smallest left value with which the member accepts.
    private func thresholds(
        members: [Int], split: Int, left values: [[Double]], crosses: (UInt64) -> Bool, group: (UInt64) -> UInt64
    ) -> [UInt64: [Int32]] {
        var groups: [UInt64: [Int32]] = [:]
        let issues = tables.issueCount
        var contributions = [Double](repeating: 0, count: issues - split)
        var query = [Int32](repeating: 0, count: members.count)
        forEachPartialOutcome(issues: split..<issues) { digits, mask in
            guard !crosses(mask) else { return }
            for (j, p) in members.enumerated() {
                for issue in split..<issues {
                    contributions[issue - split] = tables.contribution[p][issue][digits[issue - split]]
                }
                let reservation = tables.reservations[p]
                // The enumerating path's test, finishing its sum from the left value in issue order.
                let accepts = { (v: Double) in
                    var u = v
                    for c in contributions { u += c }
                    return u - reservation >= -utilityTolerance
                }
                let rank = Self.threshold(in: values[j], accepts: accepts) {
                    var rest = 0.0
                    for c in contributions { rest += c }
                    return reservation - utilityTolerance - rest
                }
                guard rank < values[j].count else { return }
                query[j] = Int32(rank)
            }
            groups[group(mask), default: []].append(contentsOf: query)
        }
        return groups
    }

    /// Calls `body` with the selection indices (of `issues`, in order) and the red-line condition bits of every
    /// partial outcome over a range of issues, in outcome-index order.
    private func forEachPartialOutcome(issues: Range<Int>, _ body: ([Int], UInt64) -> Void) {
        let radices = issues.map { tables.levels[$0].count }
        guard !radices.contains(0) else { return }
        var digits = [Int](repeating: 0, count: radices.count)
        while true {
            var mask: UInt64 = 0
            for (offset, issue) in issues.enumerated() { mask |= tables.conditionMask[issue][digits[offset]] }
            body(digits, mask)
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
    /// at the first value reaching `guess()` (a value near the boundary found with plain comparisons), where two
    /// evaluations of `accepts` usually confirm it; otherwise found by binary search. Either way the answer is
    /// decided by `accepts` alone.
    private static func threshold(in sorted: [Double], accepts: (Double) -> Bool, guess: () -> Double) -> Int {
        let near = guess()
        let candidate = firstIndex(in: sorted) { $0 >= near }
        let holdsHere = candidate == sorted.count || accepts(sorted[candidate])
        let failsBefore = candidate == 0 || !accepts(sorted[candidate - 1])
        if holdsHere && failsBefore { return candidate }
        return firstIndex(in: sorted, where: accepts)
    }

    /// The first index of `sorted` at which a non-decreasing predicate holds (`sorted.count` if none).
    private static func firstIndex(in sorted: [Double], where holds: (Double) -> Bool) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if holds(sorted[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
