/// What one chunk of Monte Carlo draws counts about the zone: whether it is non-empty in each draw, and how often
/// each tracked package (or every package) is in it. Owns the only copy of the tables, so draws update them in
/// place.
struct ZoneTally {
    /// How the zone is counted.
    enum Mode: Sendable {
        /// Every package: one full zone scan per draw, counts by selection index (`strides[i]`: issue i's weight).
        case everyPackage(strides: [Int], count: Int)
        /// The tracked packages only, and a walk that stops at the first acceptable package when none of them is
        /// in the zone.
        case tracked(TrackedPackages)

        /// How many counters the mode keeps: every package, or the tracked ones.
        var counterCount: Int {
            switch self {
            case .everyPackage(_, let count): count
            case .tracked(let tracked): tracked.count
            }
        }
    }

    let mode: Mode
    private var walker: OutcomeWalker
    private var frequencyScan: ZoneFrequencyScan
    private var emptinessScan: ZoneEmptinessScan
    /// Per-package counters (by selection index, or by tracked package).
    private(set) var counts: [Int32]
    private var scratch: [Double] = []

    init(tables: AdditiveTables, mode: Mode) {
        self.mode = mode
        walker = OutcomeWalker(tables: tables)
        switch mode {
        case .everyPackage(let strides, let count):
            frequencyScan = ZoneFrequencyScan(
                tables: tables, strides: strides, counts: Array(repeating: 0, count: count))
            emptinessScan = ZoneEmptinessScan(tables: tables)
            counts = []
        case .tracked(let tracked):
            frequencyScan = ZoneFrequencyScan(tables: tables, strides: [], counts: nil)
            emptinessScan = ZoneEmptinessScan(tables: tables)
            counts = Array(repeating: 0, count: tracked.count)
        }
    }

    /// Takes one draw: the drawn parties replace the uncertain ones (`utility`: those whose utility is uncertain,
    /// not only their reservation); returns whether the draw's zone holds any package.
    mutating func draw(
        _ drawn: [Party], uncertain: [Int], utility: Set<Int>, in space: OutcomeSpace
    ) throws(AnalysisError) -> Bool {
        switch mode {
        case .everyPackage:
            for p in uncertain {
                try frequencyScan.tables.update(party: p, to: drawn[p], in: space, utility: utility.contains(p))
                if utility.contains(p) { walker.refresh(party: p, from: frequencyScan.tables) }
            }
            frequencyScan.zoneCount = 0
            walker.walk(&frequencyScan)
            return frequencyScan.zoneCount > 0
        case .tracked(let tracked):
            for p in uncertain {
                try emptinessScan.tables.update(party: p, to: drawn[p], in: space, utility: utility.contains(p))
            }
            if tracked.countInZone(
                tables: emptinessScan.tables, uncertain: uncertain, counts: &counts, scratch: &scratch)
            {
                return true
            }
            for p in utility { walker.refresh(party: p, from: emptinessScan.tables) }
            emptinessScan.found = false
            walker.walk(&emptinessScan)
            return emptinessScan.found
        }
    }

    /// The counters at the end of the chunk.
    mutating func finalCounts() -> [Int32] {
        if case .everyPackage = mode { return frequencyScan.counts ?? [] }
        return counts
    }
}
