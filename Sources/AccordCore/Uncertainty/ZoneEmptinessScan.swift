/// Decides, for one Monte Carlo draw, whether the agreement zone holds any package: the walk skips every
/// sub-space some party cannot accept and stops descending at the first acceptable package. With a budget, it also
/// stops (undecided, ``exhausted``) after that many steps, so that a draw whose zone is empty or nearly so does not
/// walk a large space: the draw's frontier then decides (``ZoneTally``).
struct ZoneEmptinessScan: OutcomeVisitor {
    /// The tables of the current draw (updated in place).
    var tables: AdditiveTables
    /// Whether the walk met an acceptable package; reset before each draw.
    var found = false
    /// The steps (sub-spaces entered and packages visited) the walk may still take; reset before each draw.
    var budget = Int.max
    /// Whether the walk ran out of budget before finding an acceptable package (then it decided nothing).
    var exhausted = false

    init(tables: AdditiveTables) {
        self.tables = tables
    }

    mutating func shouldDescend(depth: Int, prefix: UnsafeBufferPointer<Double>) -> Bool {
        if found || exhausted { return false }
        budget -= 1
        if budget < 0 {
            exhausted = true
            return false
        }
        for p in 0..<tables.partyCount
        where prefix[p] + tables.maxRest[p][depth] - tables.reservations[p] < -utilityTolerance {
            return false
        }
        return true
    }

    mutating func visit(utilities: UnsafeBufferPointer<Double>, mask: UInt64, digits: UnsafeBufferPointer<Int>) {
        if found || exhausted { return }
        for p in 0..<tables.partyCount {
            if utilities[p] - tables.reservations[p] < -utilityTolerance { return }
            if mask != 0 && tables.crossesRedLine(p, mask: mask) { return }
        }
        found = true
    }
}
