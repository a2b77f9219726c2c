/// One pass that finds, for every coalition of two or more parties, its zone size and its Nash package.
struct CoalitionScan: OutcomeVisitor {
    let tables: AdditiveTables
    /// Member masks of the coalitions, in order.
    let coalitions: [Int]
    var counts: [Int]
    var best: [Record]

    init(tables: AdditiveTables, coalitions: [Int]) {
        self.tables = tables
        self.coalitions = coalitions
        counts = Array(repeating: 0, count: coalitions.count)
        best = Array(repeating: Record(), count: coalitions.count)
    }

    mutating func shouldDescend(depth: Int, prefix: UnsafeBufferPointer<Double>) -> Bool {
        // Descend while two parties could still both accept something below.
        var possible = 0
        for p in 0..<tables.partyCount
        where prefix[p] + tables.maxRest[p][depth] - tables.reservations[p] >= -utilityTolerance {
            possible += 1
            if possible >= 2 { return true }
        }
        return false
    }

    mutating func visit(utilities: UnsafeBufferPointer<Double>, mask: UInt64, digits: UnsafeBufferPointer<Int>) {
        var rational = 0
        for p in 0..<tables.partyCount {
            let crosses = mask != 0 && tables.crossesRedLine(p, mask: mask)
            if !crosses && utilities[p] - tables.reservations[p] >= -utilityTolerance { rational |= 1 &<< p }
        }
        guard rational & (rational - 1) != 0 else { return }  // fewer than two parties accept
        for (index, members) in coalitions.enumerated() where rational & members == members {
            counts[index] += 1
            var product = 1.0
            var rest = members
            while rest != 0 {
                let p = rest.trailingZeroBitCount
                product *= max(0, utilities[p] - tables.reservations[p])
                rest &= rest - 1
            }
            if product > best[index].value { best[index].offer(product, digits) }
        }
    }
}

extension Scenario {
    /// The most parties for which every coalition is analysed (2^n − n − 1 coalitions).
    public static let maximumCoalitionParties = 10

    /// Every coalition of two or more parties: its zone size and its Nash package, in order of size, then of
    /// members.
    ///
    /// - Complexity: one walk over the selection, skipping sub-spaces where fewer than two parties can still
    ///   accept; per outcome, work proportional to the number of coalitions whose members all accept it.
    public func coalitions(options: AnalysisOptions = AnalysisOptions()) throws(AnalysisError) -> [CoalitionAnalysis] {
        guard parties.count >= 2, parties.count <= Self.maximumCoalitionParties else { return [] }
        let enumeration = try enumerable(options: options)
        let masks = (1..<(1 << parties.count)).filter { $0.nonzeroBitCount >= 2 }
            .sorted {
                $0.nonzeroBitCount != $1.nonzeroBitCount
                    ? $0.nonzeroBitCount < $1.nonzeroBitCount : members($0).lexicographicallyPrecedes(members($1))
            }
        var scan = CoalitionScan(tables: enumeration.tables, coalitions: masks)
        enumeration.walk(&scan)
        return masks.indices.map { index in
            CoalitionAnalysis(
                parties: members(masks[index]), zoneCount: scan.counts[index],
                best: scan.best[index].digits.map(enumeration.scored))
        }
    }

    private func members(_ mask: Int) -> [Int] {
        parties.indices.filter { mask & (1 << $0) != 0 }
    }
}
