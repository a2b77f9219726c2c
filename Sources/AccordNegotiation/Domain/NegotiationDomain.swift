import AccordCore

/// A scenario prepared for simulation: every party's utility of every outcome in one dense table, which
/// outcomes are on the table in which round, and each party's outcomes ranked by utility.
///
/// Built once per scenario and shared by every session on it (a tournament builds it once per domain), so a
/// session's setup costs no sorting. Simulation hot loops read these arrays by outcome index only.
public final class NegotiationDomain: Sendable {
    /// The scenario simulated.
    public let scenario: Scenario
    /// The number of outcomes (mixed-radix indices `0..<outcomeCount`, as in ``OutcomeSpace``).
    public let outcomeCount: Int
    /// `utilities[p][o]`: party `p`'s utility of outcome `o`.
    public let utilities: [[Double]]
    /// `crossesRedLine[p][o]`: whether outcome `o` crosses one of party `p`'s red lines (empty rows for parties
    /// without red lines).
    let crossesRedLine: [[Bool]]
    /// The rounds after which some option leaves the table, ascending; empty when nothing expires.
    public let expiryRounds: [Int]
    /// `epochOf[o]`: the number of availability epochs outcome `o` lives through: it is available in round `r`
    /// exactly when `epoch(ofRound: r) < epochOf[o]`. `Int.max` for outcomes that never expire.
    let lastEpoch: [Int32]
    /// `rankings[epoch][p]`: party `p`'s outcomes available in that epoch and not crossing its red lines, best first.
    let rankings: [[Ranking]]
    /// The stride of each issue in the mixed-radix index.
    let strides: [Int]
    /// `levelTable[o * issueCount + i]`: the level of issue `i` in outcome `o` (empty when the space is too large to
    /// hold it, see ``levelTableLimit``), so that opponent models read levels without divisions.
    let levelTable: [UInt16]
    /// The most entries (outcomes × issues) of ``levelTable``.
    static let levelTableLimit = 40_000_000

    /// The most outcomes a domain holds: ample for every benchmark domain, and bounded so that a huge space is
    /// refused at once rather than exhausting memory.
    public static let defaultOutcomeLimit = 5_000_000

    /// Prepares a scenario.
    ///
    /// - Parameter outcomeLimit: refuse spaces with more outcomes than this.
    /// - Throws: ``NegotiationError/spaceTooLarge(outcomes:limit:)`` or ``NegotiationError/noParties``.
    public init(scenario: Scenario, outcomeLimit: Int = NegotiationDomain.defaultOutcomeLimit) throws(NegotiationError)
    {
        let space = scenario.space
        guard !scenario.parties.isEmpty else { throw .noParties }
        guard let count = space.count, count <= outcomeLimit, count > 0 else {
            throw .spaceTooLarge(outcomes: space.approximateCount, limit: outcomeLimit)
        }
        self.scenario = scenario
        outcomeCount = count
        strides = Self.strides(of: space.radices)
        levelTable = Self.levelTable(of: space, count: count)
        let utilities = scenario.parties.map { Self.table(of: $0.utility, in: space, count: count) }
        self.utilities = utilities
        let crossesRedLine: [[Bool]] = scenario.parties.map { party in
            guard !party.redLines.isEmpty else { return [] }
            return (0..<count).map { party.crossedRedLine(by: space.outcome(at: $0), in: space) != nil }
        }
        self.crossesRedLine = crossesRedLine
        let expiryRounds = Self.expiryRounds(of: space)
        self.expiryRounds = expiryRounds
        let lastEpoch = Self.lastEpochs(in: space, count: count, expiryRounds: expiryRounds)
        self.lastEpoch = lastEpoch
        rankings = (0...expiryRounds.count).map { epoch in
            scenario.parties.indices.map { p in
                Self.ranking(
                    utilities[p], excluding: crossesRedLine[p], lastEpoch: lastEpoch, epoch: epoch, count: count)
            }
        }
    }

    /// The stride of each issue in the mixed-radix index (the last issue varies fastest).
    private static func strides(of radices: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: radices.count)
        for issue in stride(from: radices.count - 2, through: 0, by: -1) {
            strides[issue] = strides[issue + 1] * radices[issue + 1]
        }
        return strides
    }

    /// Every outcome's levels, outcome-major; empty when the table would exceed ``levelTableLimit`` or a level
    /// does not fit in 16 bits.
    private static func levelTable(of space: OutcomeSpace, count: Int) -> [UInt16] {
        let issueCount = space.radices.count
        guard count * issueCount <= levelTableLimit && (space.radices.max() ?? 0) <= Int(UInt16.max) else {
            return []
        }
        var table = [UInt16](repeating: 0, count: count * issueCount)
        var digits = [Int](repeating: 0, count: issueCount)
        for o in 0..<count {
            for issue in 0..<issueCount { table[o * issueCount + issue] = UInt16(digits[issue]) }
            var position = issueCount - 1
            while position >= 0 {
                digits[position] += 1
                if digits[position] < space.radices[position] { break }
                digits[position] = 0
                position -= 1
            }
        }
        return table
    }

    /// The rounds after which some option leaves the table, ascending.
    private static func expiryRounds(of space: OutcomeSpace) -> [Int] {
        var rounds = Set<Int>()
        for issue in space.issues {
            for option in issue.options {
                if case .round(let last)? = option.availableUntil { rounds.insert(last) }
            }
        }
        return rounds.sorted()
    }

    /// Availability: an outcome lives as long as its earliest-expiring option (empty when nothing expires).
    private static func lastEpochs(in space: OutcomeSpace, count: Int, expiryRounds: [Int]) -> [Int32] {
        guard !expiryRounds.isEmpty else { return [] }
        var lastEpoch = [Int32](repeating: Int32.max, count: count)
        // Per issue and level: the epoch count the level lives through.
        let levelEpochs: [[Int32]] = space.issues.map { issue in
            guard case .discrete(let options) = issue.kind else {
                return [Int32](repeating: .max, count: issue.levelCount)
            }
            return options.map { option in
                guard case .round(let last)? = option.availableUntil else { return .max }
                return Int32(expiryRounds.firstIndex(of: last)! + 1)
            }
        }
        for o in 0..<count {
            var rest = o
            var epochs = Int32.max
            for issue in stride(from: space.radices.count - 1, through: 0, by: -1) {
                let level = rest % space.radices[issue]
                rest /= space.radices[issue]
                epochs = min(epochs, levelEpochs[issue][level])
            }
            lastEpoch[o] = epochs
        }
        return lastEpoch
    }

    /// One party's outcomes available in an epoch and not crossing its red lines, best first (ties by index).
    private static func ranking(
        _ table: [Double], excluding redLines: [Bool], lastEpoch: [Int32], epoch: Int, count: Int
    ) -> Ranking {
        var order: [Int32] = []
        order.reserveCapacity(count)
        for o in 0..<count where (lastEpoch.isEmpty || Int(lastEpoch[o]) > epoch) && (redLines.isEmpty || !redLines[o])
        {
            order.append(Int32(o))
        }
        order.sort { table[Int($0)] > table[Int($1)] || (table[Int($0)] == table[Int($1)] && $0 < $1) }
        return Ranking(outcomes: order, utilities: order.map { table[Int($0)] })
    }

    private static func table(of utility: any UtilityFunction, in space: OutcomeSpace, count: Int) -> [Double] {
        guard let contributions = utility.contributionTable(in: space) else {
            return (0..<count).map { utility.utility(of: space.outcome(at: $0), in: space) }
        }
        // Additive: sum the per-issue contributions with an odometer, in issue order (as the analysis does).
        var table = [Double](repeating: 0, count: count)
        let radices = space.radices
        var digits = [Int](repeating: 0, count: radices.count)
        for o in 0..<count {
            var total = 0.0
            for (issue, level) in digits.enumerated() { total += contributions[issue][level] }
            table[o] = total
            var position = radices.count - 1
            while position >= 0 {
                digits[position] += 1
                if digits[position] < radices[position] { break }
                digits[position] = 0
                position -= 1
            }
        }
        return table
    }

    /// The number of parties.
    public var partyCount: Int { scenario.parties.count }

    /// The availability epoch of a round: how many expiry rounds lie before it.
    @inline(__always)
    public func epoch(ofRound round: Int) -> Int {
        var epoch = 0
        while epoch < expiryRounds.count && expiryRounds[epoch] < round { epoch += 1 }
        return epoch
    }

    /// Whether an outcome is on the table in a round (all its options still available).
    @inline(__always)
    public func isAvailable(_ outcome: Int, inRound round: Int) -> Bool {
        lastEpoch.isEmpty || epoch(ofRound: round) < Int(lastEpoch[outcome])
    }

    /// Whether an outcome crosses one of a party's red lines.
    @inline(__always)
    public func crossesRedLine(_ outcome: Int, party: Int) -> Bool {
        let row = crossesRedLine[party]
        return !row.isEmpty && row[outcome]
    }

    /// Party `p`'s ranking of the outcomes on the table in an epoch, best first.
    public func ranking(party p: Int, epoch: Int) -> Ranking { rankings[min(epoch, rankings.count - 1)][p] }

    /// The level of an issue in an outcome.
    @inline(__always)
    public func level(of outcome: Int, issue: Int) -> Int {
        if !levelTable.isEmpty { return Int(levelTable[outcome * strides.count + issue]) }
        return (outcome / strides[issue]) % scenario.space.radices[issue]
    }

    /// The outcome with one issue's level replaced.
    @inline(__always)
    public func replacing(issue: Int, level: Int, in outcome: Int) -> Int {
        outcome + (level - self.level(of: outcome, issue: issue)) * strides[issue]
    }

    /// The outcome at an index, as per-issue levels.
    public func outcome(_ index: Int) -> Outcome { scenario.space.outcome(at: index) }

    /// The options that leave the table after a round, as `issue=option` labels.
    public func optionsExpiring(afterRound round: Int) -> [String] {
        scenario.issues.flatMap { issue in
            issue.options.compactMap { option in
                guard case .round(let last)? = option.availableUntil, last == round else { return nil }
                return "\(issue.id)=\(option.id)"
            }
        }
    }
}
