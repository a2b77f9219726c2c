/// How likely each party is to accept each proposal, and a deal to exist at all, when preferences are known
/// only roughly.
public struct AcceptanceAnalysis: Sendable {
    /// One proposal's acceptance.
    public struct ProposalAcceptance: Sendable, Hashable {
        /// The proposal's identifier, as in the scenario.
        public var id: String
        /// The package judged (for a partial proposal, its best completion at nominal values).
        public var outcome: Outcome
        /// Per party, the probability that it accepts (utility ≥ reservation − ε, no red line crossed).
        public var parties: [Probability]
        /// The probability that every party accepts in the same draw.
        public var all: Probability
    }

    /// How many joint draws of every party's uncertain numbers the estimates rest on.
    public var samples: Int
    /// The seed the draws came from; the same seed gives the same analysis.
    public var seed: UInt64
    /// The acceptance of each proposal of the scenario, in scenario order.
    public var proposals: [ProposalAcceptance]
    /// The probability that some package is acceptable to every party.
    public var zoneNonEmpty: Probability
    /// Every package that was inside the zone in at least one draw, with that probability, most robust first, then
    /// by the larger Nash product at the nominal values, then the lower outcome index; at most ``AcceptanceOptions/maximumListedOutcomes``, and empty when the
    /// space is larger than ``AcceptanceOptions/maximumTrackedOutcomes``.
    public var inZone: [(outcome: Outcome, probability: Probability)]

    /// The ten most robust packages: those most often acceptable to every party.
    public var mostRobust: ArraySlice<(outcome: Outcome, probability: Probability)> { inZone.prefix(10) }
}

extension Scenario {
    /// Whether any party has uncertain numbers.
    public var hasUncertainty: Bool { parties.contains { !($0.uncertainty?.isEmpty ?? true) } }

    /// Monte Carlo acceptance: draws every party's uncertain numbers `samples` times and counts, per proposal,
    /// how often each party (and all at once) accepts, how often the agreement zone is non-empty, and how often
    /// each package is in it.
    ///
    /// - Complexity: per draw, one zone scan that skips every sub-space some party cannot accept; nothing of
    ///   the size of the outcome space is copied per draw.
    ///
    /// - Parameter progress: told after each chunk of ``AcceptanceOptions/chunkSize`` draws; when it asks to stop,
    ///   no further chunk starts and the analysis throws ``AnalysisError/cancelled``.
    public func acceptance(
        options: AcceptanceOptions, progress: AcceptanceProgress = AcceptanceProgress()
    ) async throws(AnalysisError) -> AcceptanceAnalysis {
        guard options.samples >= 1, options.samples <= AcceptanceOptions.maximumSamples else {
            throw .invalidSampleCount(options.samples, limit: AcceptanceOptions.maximumSamples)
        }
        let selection = Selection.available(in: space, round: options.round, date: options.date)
        if let empty = selection.levels.firstIndex(where: \.isEmpty) { throw .emptySelection(issue: issues[empty].id) }
        let base = try AdditiveTables(scenario: self, selection: selection)
        let judged = try proposals.map { proposal throws(AnalysisError) in
            try evaluate(proposal, options: AnalysisOptions(round: options.round, date: options.date)).outcome
        }
        let tracked = selection.count.map { $0 <= AcceptanceOptions.maximumTrackedOutcomes } ?? false
        var strides = [Int](repeating: 1, count: issues.count)
        for issue in stride(from: issues.count - 2, through: 0, by: -1) {
            strides[issue] = strides[issue + 1] * selection.levels[issue + 1].count
        }

        let chunkCount = (options.samples + AcceptanceOptions.chunkSize - 1) / AcceptanceOptions.chunkSize
        var total = ChunkResult(
            proposals: proposals.count, parties: parties.count, outcomes: tracked ? selection.count! : 0)
        let scenario = self
        let stridesCopy = strides
        do {
            try await withThrowingTaskGroup(of: ChunkResult.self) { group in
                var next = 0
                func addChunk() {
                    let chunk = next
                    next += 1
                    let count = min(AcceptanceOptions.chunkSize, options.samples - chunk * AcceptanceOptions.chunkSize)
                    group.addTask {
                        try scenario.acceptanceChunk(
                            chunk: chunk, samples: count, seed: options.seed, base: base, judged: judged,
                            strides: stridesCopy, tracked: tracked)
                    }
                }
                for _ in 0..<min(max(1, options.parallelism), chunkCount) { addChunk() }
                var finished = 0
                while let result = try await group.next() {
                    total.add(result)
                    finished += 1
                    progress.report(min(finished * AcceptanceOptions.chunkSize, options.samples), options.samples)
                    if progress.isCancelled() {
                        group.cancelAll()
                        throw AnalysisError.cancelled
                    }
                    if next < chunkCount { addChunk() }
                }
            }
        } catch let error as AnalysisError {
            throw error
        } catch {
            preconditionFailure("acceptance chunks throw only AnalysisError, not \(error)")
        }

        let n = options.samples
        let proposalResults = proposals.indices.map { index in
            AcceptanceAnalysis.ProposalAcceptance(
                id: proposals[index].id, outcome: judged[index],
                parties: parties.indices.map { Probability(successes: total.accepted[index][$0], trials: n) },
                all: Probability(successes: total.acceptedByAll[index], trials: n))
        }
        var robust: [(outcome: Outcome, probability: Probability)] = []
        if tracked {
            let ranked = base.robustRanking(
                counts: total.counts, strides: strides, limit: AcceptanceOptions.maximumListedOutcomes)
            robust = ranked.map { index in
                var digits = [Int](repeating: 0, count: issues.count)
                var rest = index
                for issue in issues.indices {
                    digits[issue] = rest / strides[issue]
                    rest %= strides[issue]
                }
                return (base.outcome(digits), Probability(successes: Int(total.counts[index]), trials: n))
            }
        }
        return AcceptanceAnalysis(
            samples: n, seed: options.seed, proposals: proposalResults,
            zoneNonEmpty: Probability(successes: total.zoneNonEmpty, trials: n), inZone: robust)
    }

    /// The counts of one chunk of draws, from its own stream of the seed.
    fileprivate func acceptanceChunk(
        chunk: Int, samples: Int, seed: UInt64, base: AdditiveTables, judged: [Outcome], strides: [Int],
        tracked: Bool
    ) throws(AnalysisError) -> ChunkResult {
        var generator = SeededGenerator(seed: seed, stream: UInt64(chunk))
        var result = ChunkResult(
            proposals: judged.count, parties: parties.count, outcomes: tracked ? base.selection.count! : 0)
        var walker = OutcomeWalker(tables: base)
        // The scan owns the only copy of the tables, so draws update them in place.
        var scan = ZoneFrequencyScan(tables: base, strides: strides, counts: tracked ? result.counts : nil)
        result.counts = []
        let uncertain = parties.indices.filter { !(parties[$0].uncertainty?.isEmpty ?? true) }
        let utilityUncertain = Set(
            uncertain.filter {
                let uncertainty = parties[$0].uncertainty!
                return !uncertainty.weights.isEmpty || !uncertainty.values.isEmpty
            })
        var drawn = parties
        for _ in 0..<samples {
            for p in uncertain { drawn[p] = parties[p].sampled(using: &generator) }
            for (index, outcome) in judged.enumerated() {
                var everyone = true
                for (p, party) in drawn.enumerated() {
                    if party.accepts(outcome, in: space) {
                        result.accepted[index][p] += 1
                    } else {
                        everyone = false
                    }
                }
                if everyone { result.acceptedByAll[index] += 1 }
            }
            for p in uncertain {
                let utility = utilityUncertain.contains(p)
                try scan.tables.update(party: p, to: drawn[p], in: space, utility: utility)
                if utility { walker.refresh(party: p, from: scan.tables) }
            }
            scan.zoneCount = 0
            walker.walk(&scan)
            if scan.zoneCount > 0 { result.zoneNonEmpty += 1 }
        }
        result.counts = scan.counts ?? []
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
