/// The dense, index-only form of a scenario restricted to a selection, on which every exact analysis runs.
///
/// Utilities are additive: party `p`'s utility is the sum over issues of `contribution[p][issue][k]`, where `k`
/// indexes the selection's levels of that issue. Red lines become bit masks: every red-line condition is one
/// bit, each level carries the bits of the conditions it meets, and a party crosses a red line when the union
/// of its outcome's bits covers the line's mask.
struct AdditiveTables: Sendable {
    let partyCount: Int
    let issueCount: Int
    /// The selected levels per issue (real level numbers of the space).
    let levels: [[Int]]
    /// contribution[p][i][k]
    private(set) var contribution: [[[Double]]]
    /// conditionMask[i][k]: red-line condition bits met by the k-th selected level of issue i.
    let conditionMask: [[UInt64]]
    /// redLineMasks[p]: one mask per red line of party p.
    let redLineMasks: [[UInt64]]
    /// The last issue any condition of the red line refers to (parallel to `redLineMasks`).
    let redLineLastIssue: [[Int]]
    private(set) var reservations: [Double]
    /// maxRest[p][i] = Σ_{j ≥ i} max_k contribution[p][j][k] plus a rounding allowance (see
    /// `maxRest(of:reservation:)`), so that `prefix + maxRest − d` computed in any order is at least the margin
    /// `u − d` the walk computes for any completion: pruning on it never skips an outcome at the ε-edge.
    private(set) var maxRest: [[Double]]
    /// Whether any party has a red line.
    var hasRedLines: Bool { redLineMasks.contains { !$0.isEmpty } }
    /// The selection these tables cover.
    var selection: Selection { Selection(levels: levels) }

    static let maximumConditions = 64
    /// The most (level, party) utility entries the tables hold: far beyond any enumerable space.
    static let maximumTableEntries = 20_000_000

    init(scenario: Scenario, selection: Selection) throws(AnalysisError) {
        let space = scenario.space
        let entries = selection.levels.reduce(0) { $0 + $1.count } * max(1, scenario.parties.count)
        guard entries <= Self.maximumTableEntries else {
            throw .tooManyLevels(levels: entries, limit: Self.maximumTableEntries)
        }
        partyCount = scenario.parties.count
        issueCount = space.issues.count
        levels = selection.levels
        var contribution: [[[Double]]] = []
        for party in scenario.parties {
            guard let table = party.utility.contributionTable(in: space) else {
                throw .nonAdditiveUtility(party: party.id)
            }
            contribution.append(zip(table, selection.levels).map { row, chosen in chosen.map { row[$0] } })
        }
        self.contribution = contribution
        reservations = scenario.parties.map(\.reservation)

        var conditionMask = selection.levels.map { [UInt64](repeating: 0, count: $0.count) }
        var redLineMasks: [[UInt64]] = []
        var redLineLastIssue: [[Int]] = []
        var bit = 0
        for party in scenario.parties {
            var masks: [UInt64] = []
            var lastIssues: [Int] = []
            for line in party.redLines {
                var mask: UInt64 = 0
                for condition in line.conditions {
                    guard bit < Self.maximumConditions else { throw .tooManyRedLineConditions(Self.maximumConditions) }
                    let issue = space.issues[condition.issue]
                    for (k, level) in selection.levels[condition.issue].enumerated()
                    where condition.holds(atLevel: level, of: issue) {
                        conditionMask[condition.issue][k] |= 1 << UInt64(bit)
                    }
                    mask |= 1 << UInt64(bit)
                    bit += 1
                }
                masks.append(mask)
                lastIssues.append(line.conditions.map(\.issue).max() ?? 0)
            }
            redLineMasks.append(masks)
            redLineLastIssue.append(lastIssues)
        }
        self.conditionMask = conditionMask
        self.redLineMasks = redLineMasks
        self.redLineLastIssue = redLineLastIssue

        maxRest = zip(contribution, reservations).map { Self.maxRest(of: $0, reservation: $1) }
    }

    /// One party's bounds on what the issues from each position on can add: the sum of each issue's largest
    /// contribution, plus an allowance for rounding.
    ///
    /// The walk computes a margin as `fl(…fl(0 + c_0)… + c_(n−1)) − d`, the bounds as `prefix + maxRest − d`: the two
    /// orders of addition differ in the last bits. Each computed sum of at most n + 2 terms is within
    /// (n + 2)·2^−53·S of the exact one, S = Σ_i max_k |c_ik| + |d|, so allowing 4·(n + 2)·2^−52·S (more than
    /// twice the worst case of both, plus the bound's own roundings) makes the bound sound: an outcome whose margin
    /// is −ε to within the last bit is never pruned (without it the zone scan could miss it, though enumeration
    /// counts it). The allowance is about 10^−14 for utilities in [0, 1], far below ε.
    private static func maxRest(of table: [[Double]], reservation: Double) -> [Double] {
        let scale = table.reduce(abs(reservation)) { $0 + ($1.map(abs).max() ?? 0) }
        let allowance = 4 * Double(table.count + 2) * Double.ulpOfOne * scale
        var rest = [Double](repeating: allowance, count: table.count + 1)
        for issue in stride(from: table.count - 1, through: 0, by: -1) {
            rest[issue] = rest[issue + 1] + (table[issue].max() ?? 0)
        }
        return rest
    }

    /// Replaces one party's reservation and, when `utility` is true, its utility (same issues, selection and red
    /// lines), as a Monte Carlo draw does.
    mutating func update(party p: Int, to party: Party, in space: OutcomeSpace, utility: Bool) throws(AnalysisError) {
        reservations[p] = party.reservation
        guard utility else {
            // The rounding allowance of the bounds depends on the reservation.
            maxRest[p] = Self.maxRest(of: contribution[p], reservation: reservations[p])
            return
        }
        if let additive = party.utility as? LinearAdditiveUtility {
            // In place: no table of the whole issue, no new arrays.
            for issue in 0..<issueCount {
                let weight = additive.weights[issue]
                for (k, level) in levels[issue].enumerated() {
                    contribution[p][issue][k] = weight * additive.value(ofLevel: level, onIssue: issue, in: space)
                }
            }
        } else {
            guard let table = party.utility.contributionTable(in: space) else {
                throw .nonAdditiveUtility(party: party.id)
            }
            contribution[p] = zip(table, levels).map { row, chosen in chosen.map { row[$0] } }
        }
        maxRest[p] = Self.maxRest(of: contribution[p], reservation: reservations[p])
    }

    /// Whether party `p` crosses one of its red lines given the union of condition bits of an outcome.
    @inline(__always)
    func crossesRedLine(_ party: Int, mask: UInt64) -> Bool {
        for line in redLineMasks[party] where line & mask == line { return true }
        return false
    }

    /// The outcome (real levels) for selection indices.
    func outcome(_ indices: [Int]) -> Outcome {
        Outcome(levels: zip(levels, indices).map { $0[$1] })
    }

    /// The utilities of an outcome given by selection indices, summed in issue order.
    func utilities(_ indices: [Int]) -> [Double] {
        (0..<partyCount).map { party in
            var total = 0.0
            for (issue, k) in indices.enumerated() { total += contribution[party][issue][k] }
            return total
        }
    }
}
