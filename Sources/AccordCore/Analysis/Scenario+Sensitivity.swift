extension Scenario {
    /// The most outcomes for which the sensitivity sweep runs by default.
    public static let sensitivityOutcomeLimit = 200_000

    /// A one-at-a-time sweep of every reservation value and every weight: where the zone opens or closes and
    /// over which interval the Nash package is stable.
    ///
    /// Each parameter is evaluated on a grid of step 0.05 over [0, 1] (plus its current value); every change
    /// found between neighbouring grid points is then located by bisection to within 1e-4. A change that
    /// reverts within one grid step can be missed.
    public func sensitivity(options: AnalysisOptions = AnalysisOptions()) throws(AnalysisError)
        -> [ParameterSensitivity]
    {
        let base = try enumerableTables(options: options)
        var parameters: [SensitivityParameter] = parties.indices.map { .reservation(party: $0) }
        for (p, party) in parties.enumerated() {
            guard let utility = party.utility as? LinearAdditiveUtility else { continue }
            for issue in issues.indices where utility.weights.count > issue {
                parameters.append(.weight(party: p, issue: issue))
            }
        }
        var results: [ParameterSensitivity] = []
        for parameter in parameters {
            var probe = SensitivityProbe(scenario: self, tables: base, parameter: parameter)
            results.append(try probe.sweep())
        }
        return results
    }
}

/// Evaluates the zone and the Nash package as one parameter moves.
private struct SensitivityProbe {
    let scenario: Scenario
    var tables: AdditiveTables
    var walker: OutcomeWalker
    let parameter: SensitivityParameter
    let party: Int

    init(scenario: Scenario, tables: AdditiveTables, parameter: SensitivityParameter) {
        self.scenario = scenario
        self.tables = tables
        walker = OutcomeWalker(tables: tables)
        self.parameter = parameter
        switch parameter {
        case .reservation(let p), .weight(let p, _): party = p
        }
    }

    var current: Double {
        switch parameter {
        case .reservation(let p): scenario.parties[p].reservation
        case .weight(let p, let issue): (scenario.parties[p].utility as! LinearAdditiveUtility).weights[issue]
        }
    }

    /// (zone non-empty, Nash package as selection digits) at value `t`.
    mutating func evaluate(_ t: Double) throws(AnalysisError) -> (open: Bool, nash: [Int]?) {
        var changed = scenario.parties[party]
        switch parameter {
        case .reservation:
            changed.reservation = t
            try tables.update(party: party, to: changed, in: scenario.space, utility: false)
        case .weight(_, let issue):
            var utility = changed.utility as! LinearAdditiveUtility
            let rest = 1 - utility.weights[issue]
            utility.weights = utility.weights.indices.map { j in
                j == issue
                    ? t
                    : (rest > 1e-12 ? utility.weights[j] * (1 - t) / rest : (1 - t) / Double(utility.weights.count - 1))
            }
            changed.utility = utility
            try tables.update(party: party, to: changed, in: scenario.space, utility: true)
            walker.refresh(party: party, from: tables)
        }
        var scan = ZoneScan(tables: tables, listLimit: 0)
        walker.walk(&scan)
        return (scan.zoneCount > 0, scan.nash.digits)
    }

    mutating func sweep() throws(AnalysisError) -> ParameterSensitivity {
        let c = current
        let here = try evaluate(c)
        // Grid below and above the current value, within [0, 1] whatever the value: a value far outside would
        // otherwise make the grid billions of points long (or, at ±1e308, never end).
        let step = 0.05
        let inside = min(max(c, 0), 1)
        let below = stride(from: (inside / step).rounded(.down) * step, through: 0, by: -step)
            .filter { $0 < c - 1e-12 }
        let above = stride(from: (inside / step).rounded(.up) * step, through: 1 + 1e-12, by: step)
            .map { min($0, 1) }.filter { $0 > c + 1e-12 }
        var zoneBelow: Double?, zoneAbove: Double?
        var nashLow = 0.0, nashHigh = 1.0
        var previous = c
        var nashFound = false
        for t in below {
            let value = try evaluate(t)
            if zoneBelow == nil && value.open != here.open {
                zoneBelow = try bisect(from: previous, to: t) { $0.open == here.open }
            }
            if !nashFound && value.nash != here.nash {
                nashLow = try bisect(from: previous, to: t) { $0.nash == here.nash }
                nashFound = true
            }
            if zoneBelow != nil && nashFound { break }
            previous = t
        }
        previous = c
        nashFound = false
        for t in above {
            let value = try evaluate(t)
            if zoneAbove == nil && value.open != here.open {
                zoneAbove = try bisect(from: previous, to: t) { $0.open == here.open }
            }
            if !nashFound && value.nash != here.nash {
                nashHigh = try bisect(from: previous, to: t) { $0.nash == here.nash }
                nashFound = true
            }
            if zoneAbove != nil && nashFound { break }
            previous = t
        }
        return ParameterSensitivity(
            parameter: parameter, current: c, zoneChangeBelow: zoneBelow, zoneChangeAbove: zoneAbove,
            nashStable: min(nashLow, c)...max(nashHigh, c))
    }

    /// The point between `same` (where `holds` is true) and `other` (where it is false) at which it changes,
    /// to within 1e-4; returns the last value where it still holds.
    mutating func bisect(
        from same: Double, to other: Double, holds: ((open: Bool, nash: [Int]?)) -> Bool
    ) throws(AnalysisError) -> Double {
        var inside = same
        var outside = other
        while abs(outside - inside) > 1e-4 {
            let middle = (inside + outside) / 2
            if holds(try evaluate(middle)) { inside = middle } else { outside = middle }
        }
        return inside
    }
}
