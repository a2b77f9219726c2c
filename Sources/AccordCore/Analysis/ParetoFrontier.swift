/// The Pareto frontier of a selection: outcomes that cross no red line and are not dominated by another
/// outcome that crosses no red line.
///
/// Dominance uses the tolerance ε = 1e-9: `y` dominates `x` when `u_i(y) ≥ u_i(x) − ε` for every party and
/// `u_i(y) > u_i(x) + ε` for some party. Ties (equal utility vectors) are all kept. Reservation values do not
/// restrict the frontier.
///
/// The computation never enumerates the whole space when it need not. It builds the frontier issue by issue:
/// after adding issue `k`, a partial outcome is dropped when another partial outcome is at least as good for
/// every party (exactly) and better by more than ε for one, and meets no red-line condition the first does not
/// meet. Any completion of the dropped one is then dominated by the same completion of the other, so nothing on
/// the frontier is lost; and because the kept one is at least as good exactly, whatever the dropped outcome
/// would have dominated, the kept one dominates too. The final candidates are filtered with the ε definition:
/// a two-pointer sweep for two parties, a sort-filter-skyline for more.
struct ParetoFrontierBuilder {
    let tables: AdditiveTables
    /// The most partial outcomes any step may hold before the computation is refused.
    let candidateLimit: Int

    struct Candidates {
        var utilities: [Double] = []
        var masks: [UInt64] = []
        var digits: [Int32] = []
        var count: Int { masks.count }
    }

    /// The frontier as (selection indices, utilities) pairs, sorted by the first party's utility, descending,
    /// then by outcome index.
    func frontier() throws(AnalysisError) -> [(digits: [Int], utilities: [Double])] {
        try frontier(of: finalCandidates())
    }

    /// The complete candidates the final ε-filter reads: outcomes that cross no red line, with every party's utility
    /// summed in issue order from 0 (the enumerating walk's own doubles), such that every outcome crossing no red
    /// line is at least matched exactly, on every party, by one of them (the pruning keeps a dominator of
    /// whatever it drops, see the type's comment).
    func finalCandidates() throws(AnalysisError) -> Candidates {
        let parties = tables.partyCount
        var current = Candidates(utilities: Array(repeating: 0, count: parties), masks: [0], digits: [])
        for issue in 0..<tables.issueCount {
            let expanded = try expand(current, with: issue)
            // With three or more parties the final ε-filter is the same sort-filter-skyline as the pruning step,
            // so the last step goes to it directly.
            let isLast = issue == tables.issueCount - 1
            current = isLast && parties > 2 ? expanded : prune(expanded, depth: issue + 1)
        }
        return current
    }

    /// The frontier of ``finalCandidates()``, in report order.
    func frontier(of current: Candidates) -> [(digits: [Int], utilities: [Double])] {
        let parties = tables.partyCount
        let final = epsilonFilter(current)
        let issues = tables.issueCount
        return Self.reportOrder(
            final.map { index in
                (
                    digits: (0..<issues).map { Int(current.digits[index * issues + $0]) },
                    utilities: Array(current.utilities[(index * parties)..<((index + 1) * parties)])
                )
            })
    }

    /// Frontier points in the order analyses report them: by the first party's utility, descending, then by
    /// outcome index.
    static func reportOrder(_ points: [(digits: [Int], utilities: [Double])]) -> [(digits: [Int], utilities: [Double])]
    {
        points.sorted { lhs, rhs in
            if lhs.utilities[0] != rhs.utilities[0] { return lhs.utilities[0] > rhs.utilities[0] }
            return lhs.digits.lexicographicallyPrecedes(rhs.digits)
        }
    }

    /// Every candidate extended by every level of `issue`, minus those that already cross a complete red line.
    private func expand(_ current: Candidates, with issue: Int) throws(AnalysisError) -> Candidates {
        let parties = tables.partyCount
        let levels = tables.levels[issue].count
        let total = current.count.multipliedReportingOverflow(by: levels)
        guard !total.overflow, total.partialValue <= candidateLimit else {
            throw .spaceTooLarge(
                outcomes: tables.levels.reduce(1.0) { $0 * Double($1.count) },
                afterPruning: Double(current.count) * Double(levels)
                    * tables.levels[(issue + 1)...].reduce(1.0) { $0 * Double($1.count) },
                limit: candidateLimit)
        }
        var next = Candidates()
        next.utilities.reserveCapacity(total.partialValue * parties)
        next.masks.reserveCapacity(total.partialValue)
        next.digits.reserveCapacity(total.partialValue * (issue + 1))
        let closing = closingRedLines(at: issue)
        for candidate in 0..<current.count {
            for level in 0..<levels {
                let mask = current.masks[candidate] | tables.conditionMask[issue][level]
                if mask != 0, closing.contains(where: { $0 & mask == $0 }) { continue }
                for p in 0..<parties {
                    next.utilities.append(
                        current.utilities[candidate * parties + p] + tables.contribution[p][issue][level])
                }
                next.masks.append(mask)
                next.digits.append(contentsOf: current.digits[(candidate * issue)..<((candidate + 1) * issue)])
                next.digits.append(Int32(level))
            }
        }
        return next
    }

    /// The red lines (of any party) whose every condition is on issues up to `issue`.
    private func closingRedLines(at issue: Int) -> [UInt64] {
        var lines: [UInt64] = []
        for (masks, lasts) in zip(tables.redLineMasks, tables.redLineLastIssue) {
            for (mask, last) in zip(masks, lasts) where last <= issue { lines.append(mask) }
        }
        return lines
    }

    /// Drops candidates strongly dominated (≥ exactly everywhere, > ε somewhere, no extra red-line conditions).
    ///
    /// `depth` is the number of issues each candidate's digits cover.
    func prune(_ candidates: Candidates, depth: Int) -> Candidates {
        let parties = tables.partyCount
        let u = candidates.utilities
        var keep: [Int] = []
        if parties == 2 && !tables.hasRedLines {
            let order = (0..<candidates.count).sorted { a, b in
                if u[2 * a] != u[2 * b] { return u[2 * a] > u[2 * b] }
                if u[2 * a + 1] != u[2 * b + 1] { return u[2 * a + 1] > u[2 * b + 1] }
                return a < b
            }
            var maxAll = -Double.infinity
            var maxClearlyRight = -Double.infinity
            var lag = 0
            for x in order {
                let x0 = u[2 * x]
                let x1 = u[2 * x + 1]
                while lag < order.count, u[2 * order[lag]] > x0 + utilityTolerance {
                    maxClearlyRight = max(maxClearlyRight, u[2 * order[lag] + 1])
                    lag += 1
                }
                if !(maxAll > x1 + utilityTolerance || maxClearlyRight >= x1) { keep.append(x) }
                maxAll = max(maxAll, x1)
            }
        } else {
            var sums = [Double](repeating: 0, count: candidates.count)
            for c in 0..<candidates.count {
                for p in 0..<parties { sums[c] += u[c * parties + p] }
            }
            let order = Self.sortedBySumDescending(sums)
            var skyline = Skyline(parties: parties, dominance: .strong)
            u.withUnsafeBufferPointer { u in
                for x in order where !skyline.isDominated(u, at: x * parties, mask: candidates.masks[x]) {
                    keep.append(x)
                    skyline.insert(u, at: x * parties, mask: candidates.masks[x])
                }
            }
        }
        keep.sort()
        var result = Candidates()
        result.utilities.reserveCapacity(keep.count * parties)
        result.masks.reserveCapacity(keep.count)
        result.digits.reserveCapacity(keep.count * depth)
        for index in keep {
            result.utilities.append(contentsOf: u[(index * parties)..<((index + 1) * parties)])
            result.masks.append(candidates.masks[index])
            result.digits.append(contentsOf: candidates.digits[(index * depth)..<((index + 1) * depth)])
        }
        return result
    }

    /// Indices ordered by decreasing sum, lower index first on ties.
    static func sortedBySumDescending(_ sums: [Double]) -> [Int] {
        var keyed = sums.enumerated().map { (sum: $0.element, index: Int32($0.offset)) }
        keyed.sort { $0.sum != $1.sum ? $0.sum > $1.sum : $0.index < $1.index }
        return keyed.map { Int($0.index) }
    }

    /// The candidates that cross no red line and are not ε-dominated by another such candidate, as indices into
    /// `candidates` (whose `digits` it does not read, so a point list may leave them empty).
    func epsilonFilter(_ candidates: Candidates) -> [Int] {
        let parties = tables.partyCount
        let u = candidates.utilities
        let feasible = (0..<candidates.count).filter { c in
            let mask = candidates.masks[c]
            return mask == 0 || !(0..<parties).contains { tables.crossesRedLine($0, mask: mask) }
        }
        switch parties {
        case 1:
            guard let best = feasible.map({ u[$0] }).max() else { return [] }
            return feasible.filter { u[$0] >= best - utilityTolerance }
        case 2: return Self.twoPartyEpsilonFilter(feasible, utilities: u)
        default: return Self.skylineEpsilonFilter(feasible, utilities: u, parties: parties)
        }
    }

    /// The two-party ε-filter: a sweep in decreasing u0 that keeps the best u1 among the points clearly to the
    /// right (u0 > x0 + ε) and among those near or to the right (u0 ≥ x0 − ε).
    static func twoPartyEpsilonFilter(_ feasible: [Int], utilities u: [Double]) -> [Int] {
        let eps = utilityTolerance
        let order = feasible.sorted { a, b in
            if u[2 * a] != u[2 * b] { return u[2 * a] > u[2 * b] }
            if u[2 * a + 1] != u[2 * b + 1] { return u[2 * a + 1] > u[2 * b + 1] }
            return a < b
        }
        var kept: [Int] = []
        var clearlyRight = 0  // prefix with u0 > x0 + ε
        var maxClearlyRight = -Double.infinity
        var nearRight = 0  // prefix with u0 ≥ x0 − ε
        var maxNearRight = -Double.infinity
        for x in order {
            let x0 = u[2 * x]
            let x1 = u[2 * x + 1]
            while clearlyRight < order.count, u[2 * order[clearlyRight]] > x0 + eps {
                maxClearlyRight = max(maxClearlyRight, u[2 * order[clearlyRight] + 1])
                clearlyRight += 1
            }
            while nearRight < order.count, u[2 * order[nearRight]] >= x0 - eps {
                maxNearRight = max(maxNearRight, u[2 * order[nearRight] + 1])
                nearRight += 1
            }
            if !(maxClearlyRight >= x1 - eps || maxNearRight > x1 + eps) { kept.append(x) }
        }
        return kept
    }

    /// The ε-filter for three parties or more: an ε-skyline in decreasing sum, then a check of the window of later
    /// points whose sums are close enough to dominate.
    static func skylineEpsilonFilter(_ feasible: [Int], utilities u: [Double], parties: Int) -> [Int] {
        let eps = utilityTolerance
        func dominates(_ y: Int, _ x: Int) -> Bool {
            var strictly = false
            for p in 0..<parties {
                let uy = u[y * parties + p]
                let ux = u[x * parties + p]
                if uy < ux - eps { return false }
                if uy > ux + eps { strictly = true }
            }
            return strictly
        }
        var sums = [Double](repeating: 0, count: feasible.count)
        for (slot, c) in feasible.enumerated() {
            for p in 0..<parties { sums[slot] += u[c * parties + p] }
        }
        let order = Self.sortedBySumDescending(sums)
        var kept: [Int] = []  // positions in `order`
        var skyline = Skyline(parties: parties, dominance: .epsilon)
        u.withUnsafeBufferPointer { u in
            for position in order.indices {
                let x = feasible[order[position]]
                if !skyline.isDominated(u, at: x * parties, mask: 0) {
                    kept.append(position)
                    skyline.insert(u, at: x * parties, mask: 0)
                }
            }
        }
        // A dominator may follow x in sum order only when the sums are within (P − 2)·ε: check that window.
        let window = Double(parties - 2) * eps + 1e-15
        var result: [Int] = []
        for (slot, position) in kept.enumerated() {
            let x = feasible[order[position]]
            let xs = sums[order[position]]
            var dominated = false
            for later in kept[(slot + 1)...] {
                if sums[order[later]] < xs - window { break }
                if dominates(feasible[order[later]], x) {
                    dominated = true
                    break
                }
            }
            if !dominated { result.append(x) }
        }
        return result
    }
}
