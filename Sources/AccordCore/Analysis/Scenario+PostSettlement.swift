extension ScenarioAnalysis {
    /// The Pareto-efficient packages that make every party at least as well off as `outcome` and one strictly
    /// better (dominance with ε = 1e-9, no red line crossed), largest total gain first, lowest outcome index on
    /// ties; empty when `outcome` is already efficient.
    ///
    /// Every package that dominates `outcome` is itself dominated by (or is) a frontier package that also
    /// dominates `outcome`, so the efficient improvements are enough.
    public func improvements(on outcome: Outcome, limit: Int = 5) -> [Improvement] {
        let base = scenario.utilities(of: outcome)
        let space = scenario.space
        var found: [(improvement: Improvement, index: Int)] = []
        for point in frontier {
            var strictly = false
            var dominates = true
            for (u, b) in zip(point.utilities, base) {
                if u < b - utilityTolerance { dominates = false }
                if u > b + utilityTolerance { strictly = true }
            }
            guard dominates && strictly else { continue }
            found.append(
                (
                    Improvement(package: point, gains: zip(point.utilities, base).map { $0 - $1 }),
                    space.index(of: point.outcome)
                ))
        }
        found.sort {
            $0.improvement.totalGain != $1.improvement.totalGain
                ? $0.improvement.totalGain > $1.improvement.totalGain : $0.index < $1.index
        }
        return found.prefix(limit).map(\.improvement)
    }
}
