extension Scenario {
    /// Whether any party has uncertain numbers.
    public var hasUncertainty: Bool { parties.contains { !($0.uncertainty?.isEmpty ?? true) } }

    /// Monte Carlo acceptance: draws every party's uncertain numbers `samples` times and counts, per proposal,
    /// how often each party (and all at once) accepts, how often the agreement zone is non-empty, and how often
    /// each tracked package — or, with ``AcceptanceOptions/tracksEveryPackage``, every package — is in it.
    ///
    /// - Complexity: by default, per draw, O(tracked packages × issues × uncertain parties), plus — only when no
    ///   tracked package is in the zone — a zone walk that skips every sub-space some party cannot accept and stops
    ///   at the first acceptable package. With every package tracked, one full zone scan per draw. Nothing of the
    ///   size of the outcome space is copied per draw.
    ///
    /// - Parameter progress: told after each chunk of ``AcceptanceOptions/chunkSize`` draws; when it asks to stop,
    ///   no further chunk starts and the analysis throws ``AnalysisError/cancelled``.
    public func acceptance(
        options: AcceptanceOptions, progress: AcceptanceProgress = AcceptanceProgress()
    ) async throws(AnalysisError) -> AcceptanceAnalysis {
        try acceptance(options: options, merging: [try await acceptanceCounts(options: options, progress: progress)])
    }

    /// The counts of one slice of the Monte Carlo acceptance analysis: the draws of the chunks that belong to
    /// `slice`, exactly as the whole analysis makes them. Slices run apart (on other machines) and
    /// ``acceptance(options:merging:)`` gives, from all of them, exactly the analysis of one run.
    ///
    /// - Throws: ``AnalysisError`` as ``acceptance(options:progress:)`` does.
    public func acceptanceCounts(
        options: AcceptanceOptions, slice: DrawSlice = .whole, progress: AcceptanceProgress = AcceptanceProgress()
    ) async throws(AnalysisError) -> AcceptanceCounts {
        let draws = try acceptanceDraws(options: options)
        let total = try await Self.run(draws, options: options, slice: slice, progress: progress)
        return AcceptanceCounts(
            slice: slice, samples: options.samples, seed: options.seed,
            draws: AcceptanceCounts.draws(of: slice, samples: options.samples), accepted: total.accepted,
            acceptedByAll: total.acceptedByAll, zoneNonEmpty: total.zoneNonEmpty, inZone: total.counts.map(Int.init))
    }

    /// The Monte Carlo acceptance analysis from the counts of every slice of it, each exactly once (in any order):
    /// the same analysis as one run with the same options.
    ///
    /// - Throws: ``AnalysisError/slicesDoNotFit(_:)`` when the counts are not every slice of this analysis once
    ///   (another sample count or seed, a slice missing or repeated, counts of another scenario's shape).
    public func acceptance(options: AcceptanceOptions, merging slices: [AcceptanceCounts]) throws(AnalysisError)
        -> AcceptanceAnalysis
    {
        let draws = try acceptanceDraws(options: options)
        var total = ChunkResult(
            proposals: draws.judged.count, parties: parties.count, outcomes: draws.mode.counterCount)
        try Self.checkSlices(slices, options: options, shape: total)
        for slice in slices {
            var part = ChunkResult(proposals: draws.judged.count, parties: parties.count, outcomes: 0)
            part.accepted = slice.accepted
            part.acceptedByAll = slice.acceptedByAll
            part.zoneNonEmpty = slice.zoneNonEmpty
            part.counts = slice.inZone.map { Int32(clamping: $0) }
            total.add(part)
        }
        return acceptanceAnalysis(total, draws: draws, options: options)
    }

    /// Refuses counts that are not every slice of this analysis exactly once.
    private static func checkSlices(_ slices: [AcceptanceCounts], options: AcceptanceOptions, shape: ChunkResult)
        throws(AnalysisError)
    {
        guard let first = slices.first else { throw .slicesDoNotFit("there are none") }
        let count = first.slice.count
        for slice in slices {
            guard slice.samples == options.samples, slice.seed == options.seed else {
                throw .slicesDoNotFit(
                    "shard \(slice.slice) made \(slice.samples) draws with seed \(slice.seed), not \(options.samples) "
                        + "with seed \(options.seed)")
            }
            guard slice.slice.count == count else {
                throw .slicesDoNotFit("shard \(slice.slice) is one of \(slice.slice.count), another one of \(count)")
            }
            guard slice.draws == AcceptanceCounts.draws(of: slice.slice, samples: options.samples),
                slice.accepted.count == shape.accepted.count,
                slice.accepted.allSatisfy({ $0.count == shape.accepted.first?.count ?? 0 }),
                slice.acceptedByAll.count == shape.acceptedByAll.count, slice.inZone.count == shape.counts.count
            else { throw .slicesDoNotFit("shard \(slice.slice) has counts of another shape or number of draws") }
            let counts = slice.accepted.joined() + slice.acceptedByAll + slice.inZone + [slice.zoneNonEmpty]
            guard counts.allSatisfy({ (0...slice.draws).contains($0) }) else {
                throw .slicesDoNotFit("shard \(slice.slice) has a count outside 0…\(slice.draws), its number of draws")
            }
        }
        let present = Set(slices.map(\.slice.index))
        if let missing = (1...count).first(where: { !present.contains($0) }) {
            throw .slicesDoNotFit("shard \(missing)/\(count) is missing")
        }
        if present.count < slices.count {
            throw .slicesDoNotFit("a shard is given twice")
        }
    }

    /// What every slice of the analysis shares: the tables, the judged proposals and the counters.
    private func acceptanceDraws(options: AcceptanceOptions) throws(AnalysisError) -> AcceptanceDraws {
        guard options.samples >= 1, options.samples <= AcceptanceOptions.maximumSamples else {
            throw .invalidSampleCount(options.samples, limit: AcceptanceOptions.maximumSamples)
        }
        let selection = Selection.available(in: space, round: options.round, date: options.date)
        if let empty = selection.levels.firstIndex(where: \.isEmpty) { throw .emptySelection(issue: issues[empty].id) }
        let base = try AdditiveTables(scenario: self, selection: selection)
        let judged = try proposals.map { proposal throws(AnalysisError) in
            try evaluate(proposal, options: AnalysisOptions(round: options.round, date: options.date)).outcome
        }
        return AcceptanceDraws(
            scenario: self, base: base, judged: judged, mode: zoneMode(options: options, base: base, judged: judged),
            walkBudget: options.walkBudget)
    }

    /// Every package when asked for and the space is small enough; the tracked packages otherwise.
    private func zoneMode(options: AcceptanceOptions, base: AdditiveTables, judged: [Outcome]) -> ZoneTally.Mode {
        let selection = base.selection
        if options.tracksEveryPackage, let count = selection.count, count <= AcceptanceOptions.maximumTrackedOutcomes {
            var strides = [Int](repeating: 1, count: issues.count)
            for issue in stride(from: issues.count - 2, through: 0, by: -1) {
                strides[issue] = strides[issue + 1] * selection.levels[issue + 1].count
            }
            return .everyPackage(strides: strides, count: count)
        }
        let uncertain = parties.indices.filter { !(parties[$0].uncertainty?.isEmpty ?? true) }
        return .tracked(
            TrackedPackages(
                tables: base, named: judged + options.trackedPackages, uncertain: uncertain,
                candidates: min(max(0, options.candidateCount), AcceptanceOptions.maximumCandidateCount)))
    }

    /// Runs the chunks of `slice`, `options.parallelism` at a time, and adds up their counts.
    private static func run(
        _ draws: AcceptanceDraws, options: AcceptanceOptions, slice: DrawSlice, progress: AcceptanceProgress
    ) async throws(AnalysisError) -> ChunkResult {
        let chunks = (0..<(options.samples + AcceptanceOptions.chunkSize - 1) / AcceptanceOptions.chunkSize).filter(
            slice.contains(chunk:))
        let sliceDraws = AcceptanceCounts.draws(of: slice, samples: options.samples)
        var total = ChunkResult(
            proposals: draws.judged.count, parties: draws.scenario.parties.count, outcomes: draws.mode.counterCount)
        do {
            try await withThrowingTaskGroup(of: ChunkResult.self) { group in
                var next = 0
                func addChunk() {
                    let chunk = chunks[next]
                    next += 1
                    let count = min(AcceptanceOptions.chunkSize, options.samples - chunk * AcceptanceOptions.chunkSize)
                    group.addTask { try draws.chunk(chunk, samples: count, seed: options.seed) }
                }
                for _ in 0..<min(max(1, options.parallelism), chunks.count) { addChunk() }
                var finished = 0
                while let result = try await group.next() {
                    total.add(result)
                    finished += 1
                    progress.report(min(finished * AcceptanceOptions.chunkSize, sliceDraws), sliceDraws)
                    if progress.isCancelled() {
                        group.cancelAll()
                        throw AnalysisError.cancelled
                    }
                    if next < chunks.count { addChunk() }
                }
            }
        } catch let error as AnalysisError {
            throw error
        } catch {
            preconditionFailure("acceptance chunks throw only AnalysisError, not \(error)")
        }
        return total
    }

    /// The probabilities from the summed counts.
    private func acceptanceAnalysis(
        _ total: ChunkResult, draws: AcceptanceDraws, options: AcceptanceOptions
    ) -> AcceptanceAnalysis {
        let n = options.samples
        let proposalResults = proposals.indices.map { index in
            let outcome = draws.judged[index]
            return AcceptanceAnalysis.ProposalAcceptance(
                id: proposals[index].id, outcome: outcome,
                parties: parties.indices.map { Probability(successes: total.accepted[index][$0], trials: n) },
                isUncertain: parties.indices.map {
                    draws.uncertain.contains($0) && parties[$0].crossedRedLine(by: outcome, in: space) == nil
                },
                all: Probability(successes: total.acceptedByAll[index], trials: n))
        }
        // The selection indices of each counter; counters are in outcome-index order, so ties keep the lowest.
        let digits: (Int) -> [Int]
        var candidates = 0
        var everyPackage = false
        switch draws.mode {
        case .everyPackage:
            digits = { selectionDigits(of: $0, in: draws.mode) }
            everyPackage = true
        case .tracked(let tracked):
            digits = { tracked.digits[$0] }
            candidates = tracked.candidateCount
        }
        let ranked = draws.base.robustRanking(
            counts: total.counts, digits: digits, limit: AcceptanceOptions.maximumListedOutcomes)
        let inZone = ranked.map { index in
            (draws.base.outcome(digits(index)), Probability(successes: Int(total.counts[index]), trials: n))
        }
        return AcceptanceAnalysis(
            samples: n, seed: options.seed, proposals: proposalResults, uncertainParties: draws.uncertain,
            zoneNonEmpty: Probability(successes: total.zoneNonEmpty, trials: n), tracksEveryPackage: everyPackage,
            trackedPackageCount: total.counts.count, candidateCount: candidates,
            tracksEveryPossiblePackage: everyPackage || candidates < options.candidateCount, inZone: inZone)
    }

    /// The selection indices of a package from its selection index (every-package mode).
    private func selectionDigits(of index: Int, in mode: ZoneTally.Mode) -> [Int] {
        guard case .everyPackage(let strides, _) = mode else { return [] }
        var digits = [Int](repeating: 0, count: issues.count)
        var rest = index
        for issue in issues.indices {
            digits[issue] = rest / strides[issue]
            rest %= strides[issue]
        }
        return digits
    }
}
