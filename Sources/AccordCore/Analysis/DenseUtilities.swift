/// Every outcome's utility vector over a selection, computed once: the form the exact analysis takes when some
/// party's utility has no contribution table (GENIUS's cap at 1, hyper-rectangle utilities) and the space is small
/// enough to list.
///
/// Outcomes are stored in outcome-index order of the selection (the first issue most significant), so a walk
/// over them visits outcomes in the same order as ``OutcomeWalker`` and feeds the same visitors; it never prunes,
/// since no bound on a utility without a table is known.
struct DenseUtilities: Sendable {
    /// The red-line masks and reservation values of the selection, for the visitors. Every contribution in these
    /// tables is 0 (the utilities are in ``utilities``), so they must never drive an ``OutcomeWalker``.
    let tables: AdditiveTables
    /// How many outcomes the selection holds.
    let count: Int
    /// utilities[x · parties + p]: party p's utility for the x-th outcome of the selection.
    let utilities: [Double]
    /// masks[x]: the red-line condition bits the x-th outcome meets.
    let masks: [UInt64]
    /// The number of selected levels of each issue.
    private let radices: [Int]

    /// - Parameter limit: the most outcomes this form lists; above it, the initialiser throws
    ///   ``AnalysisError/nonAdditiveUtility(party:outcomes:limit:)`` naming the first party without a table.
    /// - Complexity: O(outcomes × cost of one utility evaluation × parties); memory 8·(parties + 1) bytes per
    ///   outcome.
    init(scenario: Scenario, selection: Selection, limit: Int) throws(AnalysisError) {
        guard let count = selection.count, count <= limit else {
            let party = scenario.parties.first { $0.utility.contributionTable(in: scenario.space) == nil }
            throw .nonAdditiveUtility(
                party: party?.id ?? scenario.parties.first?.id ?? "", outcomes: selection.approximateCount,
                limit: limit)
        }
        tables = try AdditiveTables(redLinesAndReservationsOf: scenario, selection: selection)
        self.count = count
        let radices = selection.levels.map(\.count)
        self.radices = radices
        let space = scenario.space
        let levels = selection.levels
        let issues = levels.count
        let partyCount = scenario.parties.count
        // Utilities with per-issue contributions, capped or not, are summed from their tables in issue order, which
        // gives the very doubles `utility(of:in:)` and the additive engine give; the others are asked outcome by
        // outcome.
        var issueOffsets = [Int](repeating: 0, count: issues)
        for issue in 1..<max(issues, 1) { issueOffsets[issue] = issueOffsets[issue - 1] + radices[issue - 1] }
        let tableSize = radices.reduce(0, +)
        var summed: [(party: Int, cap: Double)] = []
        var contributions: [Double] = []
        var direct: [(party: Int, utility: any UtilityFunction)] = []
        for (p, party) in scenario.parties.enumerated() {
            let table: [[Double]]?
            let cap: Double
            if let capped = party.utility as? CappedAdditiveUtility {
                (table, cap) = (capped.uncapped.contributionTable(in: space), capped.cap)
            } else {
                (table, cap) = (party.utility.contributionTable(in: space), .infinity)
            }
            guard let table else {
                direct.append((p, party.utility))
                continue
            }
            summed.append((p, cap))
            for (row, chosen) in zip(table, levels) { contributions.append(contentsOf: chosen.map { row[$0] }) }
        }
        var utilities = [Double](repeating: 0, count: count * partyCount)
        var masks = [UInt64](repeating: 0, count: count)
        // One outcome value, its levels updated in place by an odometer: no allocation per outcome.
        var outcome = Outcome(levels: levels.map { $0[0] })
        var digits = [Int](repeating: 0, count: max(issues, 1))
        let conditionMask = tables.conditionMask
        contributions.withUnsafeBufferPointer { contributions in
            utilities.withUnsafeMutableBufferPointer { utilities in
                for x in 0..<count {
                    for (slot, (p, cap)) in summed.enumerated() {
                        let base = slot * tableSize
                        var total = 0.0
                        for issue in 0..<issues { total += contributions[base + issueOffsets[issue] + digits[issue]] }
                        utilities[x * partyCount + p] = min(cap, total)
                    }
                    for (p, utility) in direct {
                        utilities[x * partyCount + p] = utility.utility(of: outcome, in: space)
                    }
                    var mask: UInt64 = 0
                    for issue in 0..<issues { mask |= conditionMask[issue][digits[issue]] }
                    masks[x] = mask
                    var issue = issues - 1
                    while issue >= 0 {
                        digits[issue] += 1
                        if digits[issue] < radices[issue] {
                            outcome.levels[issue] = levels[issue][digits[issue]]
                            break
                        }
                        digits[issue] = 0
                        outcome.levels[issue] = levels[issue][0]
                        issue -= 1
                    }
                }
            }
        }
        self.utilities = utilities
        self.masks = masks
    }

    /// Visits every outcome in outcome-index order (never calling `shouldDescend`: nothing is pruned).
    func walk<V: OutcomeVisitor>(_ visitor: inout V) {
        let parties = tables.partyCount
        let issues = radices.count
        var digits = [Int](repeating: 0, count: max(issues, 1))
        utilities.withUnsafeBufferPointer { utilities in
            masks.withUnsafeBufferPointer { masks in
                digits.withUnsafeMutableBufferPointer { digits in
                    let current = UnsafeBufferPointer(rebasing: digits[0..<issues])
                    for x in 0..<count {
                        visitor.visit(
                            utilities: UnsafeBufferPointer(rebasing: utilities[(x * parties)..<((x + 1) * parties)]),
                            mask: masks[x], digits: current)
                        var issue = issues - 1
                        while issue >= 0 {
                            digits[issue] += 1
                            if digits[issue] < radices[issue] { break }
                            digits[issue] = 0
                            issue -= 1
                        }
                    }
                }
            }
        }
    }

    /// The position in outcome-index order of the outcome with these selection indices.
    func position(_ digits: [Int]) -> Int {
        var position = 0
        for (digit, radix) in zip(digits, radices) { position = position * radix + digit }
        return position
    }

    /// The selection indices of the outcome at a position.
    func digits(at position: Int) -> [Int] {
        var digits = [Int](repeating: 0, count: radices.count)
        var rest = position
        for issue in stride(from: radices.count - 1, through: 0, by: -1) {
            digits[issue] = rest % radices[issue]
            rest /= radices[issue]
        }
        return digits
    }

    /// Every party's utility for the outcome with these selection indices.
    func utilities(_ digits: [Int]) -> [Double] {
        let parties = tables.partyCount
        let x = position(digits)
        return Array(utilities[(x * parties)..<((x + 1) * parties)])
    }

    /// Each party's lowest and highest utility over the selection.
    var utilityRanges: [ClosedRange<Double>] {
        let parties = tables.partyCount
        return (0..<parties).map { p in
            var low = Double.infinity
            var high = -Double.infinity
            for x in 0..<count {
                low = min(low, utilities[x * parties + p])
                high = max(high, utilities[x * parties + p])
            }
            return low <= high ? low...high : 0...0
        }
    }
}

extension AdditiveTables {
    /// Tables that carry only a scenario's red lines and reservation values over a selection, every contribution
    /// 0: for visitors fed by ``DenseUtilities``, which supplies the utilities itself.
    init(redLinesAndReservationsOf scenario: Scenario, selection: Selection) throws(AnalysisError) {
        var blank = scenario
        let zero = LinearAdditiveUtility(
            weights: Array(repeating: 0, count: scenario.issues.count),
            values: Array(repeating: .linear(slope: 0, intercept: 0), count: scenario.issues.count))
        for p in blank.parties.indices { blank.parties[p].utility = zero }
        try self.init(scenario: blank, selection: selection)
    }
}
