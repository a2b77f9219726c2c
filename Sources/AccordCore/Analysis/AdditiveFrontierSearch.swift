/// The maximisers of monotone objectives over an additive space, found without enumerating it: the largest value
/// from the frontier's candidates, then the lowest outcome index attaining it by a lexicographic search that the
/// frontiers of the remaining issues bound.
///
/// An objective maps every party's utility (as the enumerating walk computes it: summed in issue order from 0) to a
/// value, or to `nil` for an outcome outside the set searched (a margin below −ε, say). It must be **monotone**:
/// when `u ≥ w` exactly on every party and `w` has a value, so has `u`, at least as large. Products of
/// `max(0, u_i − d_i)`, sums, minima and ratios to positive spans are, computed in floating point, since rounding to
/// nearest is monotone. Outcomes crossing a red line of a party of the tables are never searched.
///
/// **Why the largest value is found on the candidates.** ``ParetoFrontierBuilder/finalCandidates()`` holds, for
/// every outcome crossing no red line, one that is at least as good exactly for every party and crosses none either;
/// its value is at least the outcome's. So the largest value over the candidates is the largest over the space, and
/// it is the very double the enumerating path computes (same sums, same objective).
///
/// **Why the outcome is the enumerating path's.** That path keeps the first outcome, in index order, whose value is
/// strictly larger than all before it: the first outcome attaining the largest value M. The search walks the outcomes
/// depth first in index order and enters the sub-space of a prefix only when an upper bound on the objective there
/// reaches M; the first leaf whose value reaches M is therefore the enumerating path's. The bound: the frontier of
/// the remaining issues (``suffixes``, built from the last issue backwards with the same pruning, which keeps for
/// every partial outcome one at least as good exactly that meets no more red-line conditions) holds, for every
/// completion, one whose sums are at least the completion's; adding the prefix's sums and a rounding allowance
/// (``slack``) that covers the different order of the additions gives utilities at least those the walk computes,
/// and the objective is monotone.
///
/// - Complexity: building the candidates and the suffix frontiers, about twice the frontier's construction; each
///   search visits, per issue, the levels before the answer's, scanning a suffix frontier for each.
struct AdditiveFrontierSearch {
    typealias Candidates = ParetoFrontierBuilder.Candidates

    let tables: AdditiveTables
    /// The complete candidates, with exact utilities and their outcomes.
    let candidates: Candidates
    /// suffixes[i]: the partial outcomes over issues `i..<issues` that the bound needs (no outcomes kept).
    let suffixes: [Candidates]
    /// Per party: what may separate a sum computed in another order from the walk's, with room to spare.
    let slack: [Double]
    /// bestRest[i][p]: party p's largest possible sum over issues `i..<issues`, plus the slack.
    private let bestRest: [[Double]]
    private let lines: [UInt64]

    /// - Parameter candidateLimit: the most partial outcomes a construction step may hold.
    init(tables: AdditiveTables, candidateLimit: Int) throws(AnalysisError) {
        self.tables = tables
        let builder = ParetoFrontierBuilder(tables: tables, candidateLimit: candidateLimit)
        do {
            candidates = try builder.finalCandidates()
        } catch .spaceTooLarge(let outcomes, let candidates, let limit) {
            throw .frontierTooLarge(outcomes: outcomes, candidates: candidates, limit: limit)
        } catch {
            throw error
        }
        suffixes = try Self.suffixes(builder)
        let issues = tables.issueCount
        let slack = tables.contribution.map { table in
            let scale = table.reduce(1.0) { $0 + ($1.map(abs).max() ?? 0) }
            return 8 * Double(issues + 2) * Double.ulpOfOne * scale
        }
        self.slack = slack
        bestRest = (0...issues).map { start in
            (0..<tables.partyCount).map { p in
                tables.contribution[p][start...].reduce(slack[p]) { $0 + ($1.max() ?? 0) }
            }
        }
        lines = tables.redLineMasks.flatMap { $0 }
    }

    /// The suffix frontiers, from the last issue backwards: each step puts every level of the issue before every kept
    /// partial outcome of the next step and prunes as the forward construction does.
    private static func suffixes(_ builder: ParetoFrontierBuilder) throws(AnalysisError) -> [Candidates] {
        let tables = builder.tables
        let parties = tables.partyCount
        let lines = tables.redLineMasks.flatMap { $0 }
        var result = [Candidates(utilities: Array(repeating: 0, count: parties), masks: [0], digits: [])]
        for issue in stride(from: tables.issueCount - 1, through: 0, by: -1) {
            let next = result[result.count - 1]
            let levels = tables.levels[issue].count
            guard next.count.multipliedReportingOverflow(by: levels).partialValue <= builder.candidateLimit else {
                throw .frontierTooLarge(
                    outcomes: tables.levels.reduce(1.0) { $0 * Double($1.count) },
                    candidates: Double(next.count) * Double(levels), limit: builder.candidateLimit)
            }
            var expanded = Candidates()
            expanded.utilities.reserveCapacity(next.count * levels * parties)
            for level in 0..<levels {
                let levelMask = tables.conditionMask[issue][level]
                for s in 0..<next.count {
                    let mask = levelMask | next.masks[s]
                    // A partial outcome that covers a red line by itself crosses it whatever comes before.
                    if mask != 0, lines.contains(where: { $0 & mask == $0 }) { continue }
                    for p in 0..<parties {
                        expanded.utilities.append(
                            tables.contribution[p][issue][level] + next.utilities[s * parties + p])
                    }
                    expanded.masks.append(mask)
                }
            }
            result.append(builder.prune(expanded, depth: 0))
        }
        return result.reversed()
    }

    /// Whether an outcome (or partial outcome) with these condition bits crosses a red line of a party.
    @inline(__always)
    func crosses(_ mask: UInt64) -> Bool {
        mask != 0 && lines.contains { $0 & mask == $0 }
    }

    /// The objective's largest value over the outcomes crossing no red line, `nil` when it has a value on none.
    func maximum(of objective: (UnsafeBufferPointer<Double>) -> Double?) -> Double? {
        var best: Double?
        candidates.utilities.withUnsafeBufferPointer { u in
            let parties = tables.partyCount
            for c in 0..<candidates.count {
                guard let value = objective(UnsafeBufferPointer(rebasing: u[(c * parties)..<((c + 1) * parties)]))
                else { continue }
                if best.map({ value > $0 }) ?? true { best = value }
            }
        }
        return best
    }

    /// The objective's largest value and the lowest-index outcome (selection indices) attaining it; `nil` when the
    /// objective has a value on no outcome crossing no red line.
    func first(maximizing objective: (UnsafeBufferPointer<Double>) -> Double?) -> (value: Double, digits: [Int])? {
        guard let target = maximum(of: objective) else { return nil }
        guard let digits = first(reaching: target, objective) else { return nil }
        return (target, digits)
    }

    /// The lowest-index outcome crossing no red line whose value reaches `target`.
    func first(reaching target: Double, _ objective: (UnsafeBufferPointer<Double>) -> Double?) -> [Int]? {
        let parties = tables.partyCount
        let issues = tables.issueCount
        var prefix = [Double](repeating: 0, count: (issues + 1) * parties)
        var bound = [Double](repeating: 0, count: parties)
        var digits = [Int](repeating: 0, count: issues)
        func reaches(_ values: UnsafeBufferPointer<Double>) -> Bool {
            guard let value = objective(values) else { return false }
            return value >= target
        }
        // Whether some completion of the prefix at `depth` (its sums at prefix[depth·P...]) may reach the target.
        func mayReach(_ depth: Int, mask: UInt64) -> Bool {
            let base = depth * parties
            for p in 0..<parties { bound[p] = prefix[base + p] + bestRest[depth][p] }
            guard bound.withUnsafeBufferPointer(reaches) else { return false }
            let suffix = suffixes[depth]
            for s in 0..<suffix.count where !crosses(mask | suffix.masks[s]) {
                for p in 0..<parties { bound[p] = prefix[base + p] + suffix.utilities[s * parties + p] + slack[p] }
                if bound.withUnsafeBufferPointer(reaches) { return true }
            }
            return false
        }
        func descend(_ depth: Int, mask: UInt64) -> Bool {
            let base = depth * parties
            if depth == issues {
                return prefix.withUnsafeBufferPointer {
                    reaches(UnsafeBufferPointer(rebasing: $0[base..<(base + parties)]))
                }
            }
            for k in 0..<tables.levels[depth].count {
                let next = mask | tables.conditionMask[depth][k]
                if crosses(next) { continue }
                for p in 0..<parties {
                    prefix[base + parties + p] = prefix[base + p] + tables.contribution[p][depth][k]
                }
                if depth + 1 < issues && !mayReach(depth + 1, mask: next) { continue }
                digits[depth] = k
                if descend(depth + 1, mask: next) { return true }
            }
            return false
        }
        return descend(0, mask: 0) ? digits : nil
    }
}

extension AdditiveFrontierSearch {
    /// A two-part objective value compared lexicographically (the zone list's smallest-margin key, then the Nash
    /// product).
    struct Key: Comparable {
        var primary: Double
        var secondary: Double

        static func < (lhs: Key, rhs: Key) -> Bool {
            lhs.primary != rhs.primary ? lhs.primary < rhs.primary : lhs.secondary < rhs.secondary
        }
    }

    /// A sub-space in the best-first search: the outcomes sharing `digits` (a prefix, or a whole outcome), with an
    /// upper bound on their keys (for a whole outcome, its key).
    private struct Node {
        var key: Key
        var digits: [Int]
        var sums: [Double]
        var mask: UInt64

        /// Whether this node is taken before `other`: larger key, then lower outcome index (a prefix before the
        /// outcomes it starts).
        func precedes(_ other: Node) -> Bool {
            if key != other.key { return key > other.key }
            for (a, b) in zip(digits, other.digits) where a != b { return a < b }
            return digits.count <= other.digits.count
        }
    }

    /// The `limit` outcomes with the largest keys (monotone, as for ``first(maximizing:)``), largest first, lower
    /// outcome index first on equal keys: the enumerating path's bounded list, found best first.
    ///
    /// Sub-spaces are taken from a heap by their bound; an outcome taken has a key at least every bound left, and
    /// every outcome of a sub-space left has a key at most its bound and a higher index when the keys tie, so the
    /// outcomes come out in list order.
    func best(limit: Int, key objective: (UnsafeBufferPointer<Double>) -> Key?) -> [(key: Key, digits: [Int])] {
        let parties = tables.partyCount
        let issues = tables.issueCount
        var heap: [Node] = []
        var result: [(key: Key, digits: [Int])] = []
        var bound = [Double](repeating: 0, count: parties)
        func upperBound(_ sums: [Double], depth: Int, mask: UInt64) -> Key? {
            if depth == issues { return sums.withUnsafeBufferPointer(objective) }
            var best: Key?
            let suffix = suffixes[depth]
            for s in 0..<suffix.count where !crosses(mask | suffix.masks[s]) {
                for p in 0..<parties { bound[p] = sums[p] + suffix.utilities[s * parties + p] + slack[p] }
                if let value = bound.withUnsafeBufferPointer(objective), best.map({ value > $0 }) ?? true {
                    best = value
                }
            }
            return best
        }
        func push(_ node: Node) {
            heap.append(node)
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard heap[child].precedes(heap[parent]) else { break }
                heap.swapAt(parent, child)
                child = parent
            }
        }
        func pop() -> Node {
            let top = heap[0]
            let last = heap.removeLast()
            guard !heap.isEmpty else { return top }
            heap[0] = last
            var parent = 0
            while true {
                var first = parent
                for child in (2 * parent + 1)...(2 * parent + 2) where child < heap.count {
                    if heap[child].precedes(heap[first]) { first = child }
                }
                guard first != parent else { break }
                heap.swapAt(parent, first)
                parent = first
            }
            return top
        }
        let root = [Double](repeating: 0, count: parties)
        if limit > 0, let key = upperBound(root, depth: 0, mask: 0) {
            push(Node(key: key, digits: [], sums: root, mask: 0))
        }
        while result.count < limit, !heap.isEmpty {
            let node = pop()
            let depth = node.digits.count
            if depth == issues {
                result.append((node.key, node.digits))
                continue
            }
            for k in 0..<tables.levels[depth].count {
                let mask = node.mask | tables.conditionMask[depth][k]
                if crosses(mask) { continue }
                let sums = (0..<parties).map { node.sums[$0] + tables.contribution[$0][depth][k] }
                guard let key = upperBound(sums, depth: depth + 1, mask: mask) else { continue }
                push(Node(key: key, digits: node.digits + [k], sums: sums, mask: mask))
            }
        }
        return result
    }
}
