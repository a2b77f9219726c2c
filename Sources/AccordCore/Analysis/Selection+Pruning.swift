extension AdditiveTables {
    /// Issues with more levels than this are not pruned (the pairwise check would cost more than it saves).
    static let pruningLevelLimit = 20_000

    /// The selection without the levels that are dominated on their own issue for every party.
    ///
    /// Level `a` of an issue is dropped when another level `b` of the same issue gives every party at least as
    /// much (exactly) and some party more than ε, and meets no red-line condition that `a` does not meet. Then
    /// any outcome with `a` is dominated by the same outcome with `b`, which crosses no more red lines, so `a`
    /// is on no Pareto-optimal outcome; and every solution point (Nash, Kalai–Smorodinsky, utilitarian,
    /// egalitarian) reaches the same value on the remaining outcomes. Counts of the agreement zone do change.
    ///
    /// - Complexity: per issue, a sort and a sort-filter-skyline over its levels.
    func undominatedSelection() -> Selection {
        let builder = ParetoFrontierBuilder(tables: self, candidateLimit: Int.max)
        return Selection(
            levels: (0..<issueCount).map { issue in
                let count = levels[issue].count
                guard count > 1, count <= Self.pruningLevelLimit else { return levels[issue] }
                var candidates = ParetoFrontierBuilder.Candidates()
                for k in 0..<count {
                    for p in 0..<partyCount { candidates.utilities.append(contribution[p][issue][k]) }
                    candidates.masks.append(conditionMask[issue][k])
                    candidates.digits.append(Int32(k))
                }
                let kept = builder.prune(candidates, depth: 1)
                return kept.digits.map { levels[issue][Int($0)] }.sorted()
            })
    }
}
