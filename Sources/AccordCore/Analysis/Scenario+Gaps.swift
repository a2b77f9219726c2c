extension Scenario {
    /// The position gap on every issue between every pair of parties (see ``PositionGap``).
    ///
    /// A party's preferred level is the one with its highest value among the selection's levels (the first on
    /// ties).
    public func positionGaps(selection: Selection? = nil) -> [PositionGap] {
        let selection = selection ?? Selection(all: space)
        var gaps: [PositionGap] = []
        let tables = parties.map { $0.utility.contributionTable(in: space) }
        for issue in issues.indices {
            let levels = selection.levels[issue]
            guard !levels.isEmpty else { continue }
            let preferred: [Int?] = tables.map { table in
                table.flatMap { table in
                    levels.max {
                        table[issue][$0] < table[issue][$1] || (table[issue][$0] == table[issue][$1] && $0 > $1)
                    }
                }
            }
            for a in parties.indices {
                for b in parties.indices where b > a {
                    guard let ta = tables[a], let tb = tables[b], let pa = preferred[a], let pb = preferred[b] else {
                        continue
                    }
                    let gap = ((ta[issue][pa] - ta[issue][pb]) + (tb[issue][pb] - tb[issue][pa])) / 2
                    var distance: Double?
                    if let ua = parties[a].utility as? LinearAdditiveUtility,
                        let ub = parties[b].utility as? LinearAdditiveUtility
                    {
                        let va = { ua.value(ofLevel: $0, onIssue: issue, in: self.space) }
                        let vb = { ub.value(ofLevel: $0, onIssue: issue, in: self.space) }
                        distance = ((va(pa) - va(pb)) + (vb(pb) - vb(pa))) / 2
                    }
                    gaps.append(
                        PositionGap(
                            issue: issue, partyA: a, partyB: b, preferredA: pa, preferredB: pb, gap: gap,
                            distance: distance))
                }
            }
        }
        return gaps
    }
}
