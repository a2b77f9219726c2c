/// Finds the best utility of one party over the outcomes every other party accepts.
struct ThresholdScan: OutcomeVisitor {
    let tables: AdditiveTables
    let party: Int
    var best = Record()

    mutating func shouldDescend(depth: Int, prefix: UnsafeBufferPointer<Double>) -> Bool {
        for p in 0..<tables.partyCount where p != party {
            if prefix[p] + tables.maxRest[p][depth] - tables.reservations[p] < -utilityTolerance { return false }
        }
        return prefix[party] + tables.maxRest[party][depth] > best.value
    }

    mutating func visit(utilities: UnsafeBufferPointer<Double>, mask: UInt64, digits: UnsafeBufferPointer<Int>) {
        for p in 0..<tables.partyCount {
            if mask != 0 && tables.crossesRedLine(p, mask: mask) { return }
            if p != party && utilities[p] - tables.reservations[p] < -utilityTolerance { return }
        }
        best.offer(utilities[party], digits)
    }
}

extension Scenario {
    /// For every party, the reservation value at which the agreement zone opens or closes, the others' numbers
    /// held fixed (an exact one-at-a-time sensitivity).
    public func reservationThresholds(options: AnalysisOptions = AnalysisOptions()) throws(AnalysisError)
        -> [ReservationThreshold]
    {
        let enumeration = try enumerable(options: options)
        return parties.indices.map { p in
            var scan = ThresholdScan(tables: enumeration.tables, party: p)
            enumeration.walk(&scan)
            return ReservationThreshold(
                party: p, current: parties[p].reservation, threshold: scan.best.digits == nil ? nil : scan.best.value)
        }
    }
}
