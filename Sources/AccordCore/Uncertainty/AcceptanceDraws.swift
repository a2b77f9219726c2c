/// Everything the chunks of a Monte Carlo acceptance analysis share: the scenario at its nominal values, its
/// tables, the judged proposals and how the zone is counted. Each chunk draws from its own stream of the seed.
struct AcceptanceDraws: Sendable {
    let scenario: Scenario
    let base: AdditiveTables
    /// The package judged for each proposal.
    let judged: [Outcome]
    /// The parties with uncertain numbers, and those among them whose utility (not only reservation) is.
    let uncertain: [Int]
    let utilityUncertain: Set<Int>
    let mode: ZoneTally.Mode
    /// When only reservation values are uncertain: the frontier's final candidates (flat utilities), which decide
    /// whether a draw's zone is empty without walking the space (see ``ZoneTally``); `nil` otherwise.
    let frontierCandidates: [Double]?
    /// When utilities vary: the steps a draw's zone walk may take before the draw's own frontier decides.
    let walkBudget: Int

    /// The steps a draw's zone walk takes before the draw's frontier decides, by default: the walk stops at the first
    /// acceptable package, so a draw with a clearly non-empty zone never reaches it.
    static let defaultWalkBudget = 2_000_000

    /// - Parameter walkBudget: when utilities vary, the steps a draw's zone walk may take before the draw's frontier
    ///   decides whether its zone is empty (0: always the frontier; the answer is the same either way).
    init(
        scenario: Scenario, base: AdditiveTables, judged: [Outcome], mode: ZoneTally.Mode,
        walkBudget: Int = Self.defaultWalkBudget
    ) {
        self.scenario = scenario
        self.walkBudget = walkBudget
        self.base = base
        self.judged = judged
        self.mode = mode
        uncertain = scenario.parties.indices.filter { !(scenario.parties[$0].uncertainty?.isEmpty ?? true) }
        utilityUncertain = Set(
            uncertain.filter {
                let uncertainty = scenario.parties[$0].uncertainty!
                return !uncertainty.weights.isEmpty || !uncertainty.values.isEmpty
            })
        frontierCandidates =
            utilityUncertain.isEmpty
            ? try? ParetoFrontierBuilder(tables: base, candidateLimit: Scenario.frontierCandidateLimit)
                .finalCandidates().utilities : nil
    }

    /// The counts of chunk `chunk`: `samples` draws from stream `chunk` of `seed`.
    func chunk(_ chunk: Int, samples: Int, seed: UInt64) throws(AnalysisError) -> ChunkResult {
        var generator = SeededGenerator(seed: seed, stream: UInt64(chunk))
        var result = ChunkResult(proposals: judged.count, parties: scenario.parties.count, outcomes: 0)
        var zone = ZoneTally(
            tables: base, mode: mode, frontierCandidates: frontierCandidates, walkBudget: walkBudget)
        var drawn = scenario.parties
        for _ in 0..<samples {
            for p in uncertain { drawn[p] = scenario.parties[p].sampled(using: &generator) }
            for (index, outcome) in judged.enumerated() {
                var everyone = true
                for (p, party) in drawn.enumerated() {
                    if party.accepts(outcome, in: scenario.space) {
                        result.accepted[index][p] += 1
                    } else {
                        everyone = false
                    }
                }
                if everyone { result.acceptedByAll[index] += 1 }
            }
            if try zone.draw(drawn, uncertain: uncertain, utility: utilityUncertain, in: scenario.space) {
                result.zoneNonEmpty += 1
            }
        }
        result.counts = zone.finalCounts()
        return result
    }
}

/// The counts of a chunk of draws; integer sums, so merging in any order gives the same totals.
struct ChunkResult: Sendable {
    var accepted: [[Int]]
    var acceptedByAll: [Int]
    var zoneNonEmpty = 0
    var counts: [Int32]

    init(proposals: Int, parties: Int, outcomes: Int) {
        accepted = Array(repeating: Array(repeating: 0, count: parties), count: proposals)
        acceptedByAll = Array(repeating: 0, count: proposals)
        counts = Array(repeating: 0, count: outcomes)
    }

    mutating func add(_ other: ChunkResult) {
        for index in accepted.indices {
            for p in accepted[index].indices { accepted[index][p] += other.accepted[index][p] }
            acceptedByAll[index] += other.acceptedByAll[index]
        }
        zoneNonEmpty += other.zoneNonEmpty
        for index in other.counts.indices { counts[index] += other.counts[index] }
    }
}
