/// Receives the outcomes of a depth-first, lexicographic walk over a selection, and prunes it.
protocol OutcomeVisitor {
    /// Called before the walk enters the sub-tree of outcomes that share the levels of issues `0..<depth`;
    /// `prefix[p]` is party `p`'s utility summed over those issues. Return `false` to skip the sub-tree.
    mutating func shouldDescend(depth: Int, prefix: UnsafeBufferPointer<Double>) -> Bool
    /// Called for every outcome reached, in lexicographic (outcome index) order.
    ///
    /// - Parameters:
    ///   - utilities: every party's utility.
    ///   - mask: the red-line condition bits the outcome meets.
    ///   - digits: the selection index chosen on each issue (valid only during the call).
    mutating func visit(utilities: UnsafeBufferPointer<Double>, mask: UInt64, digits: UnsafeBufferPointer<Int>)
}

/// Walks every outcome of a selection with an odometer over per-issue contribution tables: no allocation per
/// outcome, utilities updated incrementally, sub-trees skipped when the visitor's bounds allow.
struct OutcomeWalker {
    let tables: AdditiveTables
    /// contributions[i][k * P + p], laid out for locality in the inner loop.
    private var flat: [[Double]]

    init(tables: AdditiveTables) {
        self.tables = tables
        let parties = tables.partyCount
        flat = (0..<tables.issueCount).map { issue in
            var row = [Double](repeating: 0, count: tables.levels[issue].count * parties)
            for party in 0..<parties {
                for (k, value) in tables.contribution[party][issue].enumerated() { row[k * parties + party] = value }
            }
            return row
        }
    }

    /// Takes party `p`'s contributions from `tables` (after a Monte Carlo draw changed them).
    mutating func refresh(party p: Int, from tables: AdditiveTables) {
        let parties = tables.partyCount
        for issue in 0..<tables.issueCount {
            for (k, value) in tables.contribution[p][issue].enumerated() { flat[issue][k * parties + p] = value }
        }
    }

    func walk<V: OutcomeVisitor>(_ visitor: inout V) {
        let parties = tables.partyCount
        let issues = tables.issueCount
        var prefix = [Double](repeating: 0, count: (issues + 1) * parties)
        var masks = [UInt64](repeating: 0, count: issues + 1)
        var digits = [Int](repeating: 0, count: max(issues, 1))
        var utilities = [Double](repeating: 0, count: parties)
        let counts = tables.levels.map(\.count)
        guard !counts.contains(0) else { return }

        prefix.withUnsafeMutableBufferPointer { prefix in
            digits.withUnsafeMutableBufferPointer { digits in
                utilities.withUnsafeMutableBufferPointer { utilities in
                    guard issues > 0 else {
                        if visitor.shouldDescend(depth: 0, prefix: UnsafeBufferPointer(prefix)) {
                            visitor.visit(
                                utilities: UnsafeBufferPointer(utilities), mask: 0,
                                digits: UnsafeBufferPointer(rebasing: digits[0..<0]))
                        }
                        return
                    }
                    guard visitor.shouldDescend(depth: 0, prefix: UnsafeBufferPointer(rebasing: prefix[0..<parties]))
                    else { return }
                    let last = issues - 1
                    var depth = 0
                    digits[0] = 0
                    while true {
                        if depth == last {
                            let row = flat[last]
                            let conditionRow = tables.conditionMask[last]
                            let base = last * parties
                            let baseMask = masks[last]
                            row.withUnsafeBufferPointer { row in
                                for k in 0..<counts[last] {
                                    for p in 0..<parties { utilities[p] = prefix[base + p] + row[k * parties + p] }
                                    digits[last] = k
                                    visitor.visit(
                                        utilities: UnsafeBufferPointer(utilities), mask: baseMask | conditionRow[k],
                                        digits: UnsafeBufferPointer(digits))
                                }
                            }
                            // Backtrack to the deepest issue that has a next level.
                            depth -= 1
                            while depth >= 0 {
                                digits[depth] += 1
                                if digits[depth] < counts[depth] { break }
                                depth -= 1
                            }
                            if depth < 0 { return }
                        }
                        // Enter level digits[depth] of issue `depth`, unless the visitor prunes it.
                        let k = digits[depth]
                        let row = flat[depth]
                        let from = depth * parties
                        let to = from + parties
                        for p in 0..<parties { prefix[to + p] = prefix[from + p] + row[k * parties + p] }
                        masks[depth + 1] = masks[depth] | tables.conditionMask[depth][k]
                        if visitor.shouldDescend(
                            depth: depth + 1, prefix: UnsafeBufferPointer(rebasing: prefix[to..<(to + parties)]))
                        {
                            depth += 1
                            digits[depth] = 0
                            continue
                        }
                        // Skip this sub-tree: move to the next level here, or back up.
                        while depth >= 0 {
                            digits[depth] += 1
                            if digits[depth] < counts[depth] { break }
                            depth -= 1
                        }
                        if depth < 0 { return }
                    }
                }
            }
        }
    }
}
