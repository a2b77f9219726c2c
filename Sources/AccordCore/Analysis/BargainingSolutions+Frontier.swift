extension BargainingSolutions {
    /// The bargaining solutions read off a Pareto frontier, for spaces too large to enumerate (such as the
    /// hyper-rectangle spaces of ``Scenario/rectangleFrontier(options:)``).
    ///
    /// Nash, Kalai–Smorodinsky, utilitarian and egalitarian maximise functions that never decrease when one party's
    /// utility rises, so a maximiser over the agreement zone is found among the frontier's outcomes inside the zone
    /// (an outcome that dominates a zone outcome is in the zone too). The definitions are those of docs/methods.md:
    /// the zone is u_i ≥ d_i − ε; a Nash factor within ε below 0 counts as 0; a party whose best utility in the zone
    /// is within ε of its reservation has KS ratio 1; ties go to the lowest outcome index (the frontier's outcomes
    /// are visited in outcome order and a later one replaces the best only when strictly better). The GENIUS-style
    /// KS point is GENIUS's: the least Σ_{i<j} |u_i − u_j| over the whole frontier, spreads within ε equal.
    ///
    /// - Parameters:
    ///   - frontier: the frontier's outcomes with every party's utility (none may cross a red line).
    ///   - reservations: each party's reservation value d_i, in the order of the utilities.
    /// - Complexity: O(n log n + n·p) for n frontier outcomes and p parties.
    public init(frontier: [ScoredOutcome], reservations: [Double]) {
        self.init()
        let ordered = frontier.sorted { $0.outcome < $1.outcome }
        let zone = ordered.filter { point in
            zip(point.utilities, reservations).allSatisfy { $0 >= $1 - utilityTolerance }
        }
        let margins = { (point: ScoredOutcome) in zip(point.utilities, reservations).map { $0 - $1 } }
        nash = Self.best(in: zone) { margins($0).reduce(1) { $0 * max(0, $1) } }
        utilitarian = Self.best(in: zone) { $0.utilities.reduce(0, +) }
        egalitarian = Self.best(in: zone) { margins($0).min() ?? 0 }
        if !zone.isEmpty {
            let ideal = reservations.indices.map { p in zone.map { $0.utilities[p] }.max() ?? reservations[p] }
            kalaiSmorodinsky = Self.best(in: zone) { point in
                margins(point).indices.map { p in
                    let span = ideal[p] - reservations[p]
                    return span > utilityTolerance ? margins(point)[p] / span : 1
                }.min() ?? 0
            }
        }
        let genius = Scenario.geniusKalaiSmorodinsky(ordered.map { ($0.outcome.levels, $0.utilities) })
        geniusKalaiSmorodinsky = genius.flatMap { levels in ordered.first { $0.outcome.levels == levels } }
    }

    /// The first outcome (in the order given) with the largest objective.
    private static func best(in points: [ScoredOutcome], by objective: (ScoredOutcome) -> Double) -> ScoredOutcome? {
        var best: (value: Double, point: ScoredOutcome)?
        for point in points {
            let value = objective(point)
            if let current = best, value <= current.value { continue }
            best = (value, point)
        }
        return best?.point
    }
}
