/// The packages whose probability of being in the zone a default Monte Carlo acceptance analysis estimates: the
/// proposals, the packages the caller names (the bargaining solutions and the frontier) and the candidates of a
/// ``CandidateScan`` — of them, only those that can be in the zone at all: a package that crosses a red line,
/// or that a party with certain numbers rejects, is outside it in every draw.
///
/// Each draw then checks only the parties with uncertain numbers, on the draw's tables, with the same sums as
/// the zone walk (issue order, from 0), so a tracked package's count equals the one a full scan would give.
struct TrackedPackages: Sendable {
    /// Selection indices per package, in outcome-index order.
    let digits: [[Int]]
    /// How many candidates the scan found (some may also be proposals or named packages).
    let candidateCount: Int
    private let issueCount: Int
    /// offsets[t * issueCount + i]: where package t's level of issue i sits in a flattened table.
    private let offsets: [Int]
    /// The length of one party's flattened table.
    private let levelTotal: Int

    var count: Int { digits.count }

    init(tables: AdditiveTables, named: [Outcome], uncertain: [Int], candidates: Int) {
        let certain = (0..<tables.partyCount).filter { !uncertain.contains($0) }
        var chosen = Set(named.compactMap { Self.digits(of: $0, in: tables) })
            .filter { Self.canBeInZone($0, tables: tables, certain: certain) }
        var found = 0
        if candidates > 0 {
            var scan = CandidateScan(
                tables: tables, certain: certain, ranked: uncertain.isEmpty ? certain : uncertain,
                limit: candidates)
            OutcomeWalker(tables: tables).walk(&scan)
            found = scan.heap.count
            chosen.formUnion(scan.heap.map(\.digits))
        }
        digits = chosen.sorted { $0.lexicographicallyPrecedes($1) }
        candidateCount = found
        issueCount = tables.issueCount
        var start: [Int] = []
        var total = 0
        for levels in tables.levels {
            start.append(total)
            total += levels.count
        }
        levelTotal = total
        offsets = digits.flatMap { package in package.indices.map { start[$0] + package[$0] } }
    }

    /// The selection indices of a package, or `nil` when one of its levels is not in the selection.
    private static func digits(of outcome: Outcome, in tables: AdditiveTables) -> [Int]? {
        guard outcome.levels.count == tables.issueCount else { return nil }
        var digits: [Int] = []
        for (issue, level) in outcome.levels.enumerated() {
            guard let k = tables.levels[issue].firstIndex(of: level) else { return nil }
            digits.append(k)
        }
        return digits
    }

    /// Whether a package crosses no red line and every party with certain numbers accepts it.
    private static func canBeInZone(_ digits: [Int], tables: AdditiveTables, certain: [Int]) -> Bool {
        var mask: UInt64 = 0
        for (issue, k) in digits.enumerated() { mask |= tables.conditionMask[issue][k] }
        for p in 0..<tables.partyCount where tables.crossesRedLine(p, mask: mask) { return false }
        let utilities = tables.utilities(digits)
        return certain.allSatisfy { utilities[$0] - tables.reservations[$0] >= -utilityTolerance }
    }

    /// Counts the tracked packages inside the zone of this draw (`tables`, where only the `uncertain` parties
    /// changed) into `counts`; returns whether there was any. `scratch` is reused between draws.
    func countInZone(
        tables: AdditiveTables, uncertain: [Int], counts: inout [Int32], scratch: inout [Double]
    ) -> Bool {
        scratch.removeAll(keepingCapacity: true)
        for p in uncertain {
            for issue in 0..<issueCount { scratch.append(contentsOf: tables.contribution[p][issue]) }
        }
        var any = false
        scratch.withUnsafeBufferPointer { flat in
            offsets.withUnsafeBufferPointer { offsets in
                for t in 0..<digits.count {
                    var inside = true
                    for (j, p) in uncertain.enumerated() {
                        let table = j * levelTotal
                        var utility = 0.0
                        for i in 0..<issueCount { utility += flat[table + offsets[t * issueCount + i]] }
                        if utility - tables.reservations[p] < -utilityTolerance {
                            inside = false
                            break
                        }
                    }
                    if inside {
                        counts[t] += 1
                        any = true
                    }
                }
            }
        }
        return any
    }
}
