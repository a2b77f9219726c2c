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
    /// The frontier's final candidates when only reservation values vary (see ``draw(_:uncertain:utility:in:)``).
    private let frontierCandidates: [Double]?
    /// The steps a draw's zone walk may take before the draw's own frontier decides instead.
    private let walkBudget: Int

    /// - Parameter walkBudget: when utilities vary, the steps a draw's zone walk may take before the draw's frontier
    ///   decides (``draw(_:uncertain:utility:in:)``).
    init(tables: AdditiveTables, mode: Mode, frontierCandidates: [Double]? = nil, walkBudget: Int = Int.max) {
        self.mode = mode
        self.frontierCandidates = frontierCandidates
        self.walkBudget = walkBudget
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
            if let candidates = frontierCandidates {
                return Self.someCandidateAccepted(candidates, reservations: emptinessScan.tables.reservations)
            }
            for p in utility { walker.refresh(party: p, from: emptinessScan.tables) }
            emptinessScan.found = false
            emptinessScan.exhausted = false
            emptinessScan.budget = walkBudget
            walker.walk(&emptinessScan)
            guard emptinessScan.exhausted else { return emptinessScan.found }
            return drawnFrontierDecides()
        }
    }

    /// Whether the draw's zone is non-empty, from the draw's own frontier candidates (built issue by issue from the
    /// drawn tables, at the frontier's cost rather than the space's): they hold, for every outcome crossing no red
    /// line, one at least as good exactly for every party, so some outcome is in the zone exactly when some candidate
    /// is. When even the candidates are too many, the walk decides without a budget.
    private mutating func drawnFrontierDecides() -> Bool {
        let builder = ParetoFrontierBuilder(
            tables: emptinessScan.tables, candidateLimit: Scenario.frontierCandidateLimit)
        if let candidates = try? builder.finalCandidates() {
            return Self.someCandidateAccepted(candidates.utilities, reservations: emptinessScan.tables.reservations)
        }
        emptinessScan.found = false
        emptinessScan.exhausted = false
        emptinessScan.budget = Int.max
        walker.walk(&emptinessScan)
        return emptinessScan.found
    }

    /// Whether every party accepts some candidate: with utilities fixed, the frontier's final candidates (at least as
    /// good exactly as every outcome crossing no red line, and crossing none) decide whether the zone is empty, as
    /// the walk would, at O(candidates × parties) per draw (docs/methods.md, "Solutions without enumeration").
    private static func someCandidateAccepted(_ candidates: [Double], reservations: [Double]) -> Bool {
        let parties = reservations.count
        var start = 0
        while start < candidates.count {
            var accepted = true
            for p in 0..<parties where candidates[start + p] - reservations[p] < -utilityTolerance {
                accepted = false
                break
            }
            if accepted { return true }
            start += parties
        }
        return false
    }

    /// The counters at the end of the chunk.
    mutating func finalCounts() -> [Int32] {
        if case .everyPackage = mode { return frequencyScan.counts ?? [] }
        return counts
    }
}
