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
        guard options.samples >= 1, options.samples <= AcceptanceOptions.maximumSamples else {
            throw .invalidSampleCount(options.samples, limit: AcceptanceOptions.maximumSamples)
        }
        let selection = Selection.available(in: space, round: options.round, date: options.date)
        if let empty = selection.levels.firstIndex(where: \.isEmpty) { throw .emptySelection(issue: issues[empty].id) }
        let base = try AdditiveTables(scenario: self, selection: selection)
        let judged = try proposals.map { proposal throws(AnalysisError) in
            try evaluate(proposal, options: AnalysisOptions(round: options.round, date: options.date)).outcome
        }
        let draws = AcceptanceDraws(
            scenario: self, base: base, judged: judged, mode: zoneMode(options: options, base: base, judged: judged))
        let total = try await Self.run(draws, options: options, progress: progress)
        return acceptanceAnalysis(total, draws: draws, options: options)
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

    /// Runs the chunks, `options.parallelism` at a time, and adds up their counts.
    private static func run(
        _ draws: AcceptanceDraws, options: AcceptanceOptions, progress: AcceptanceProgress
    ) async throws(AnalysisError) -> ChunkResult {
        let chunkCount = (options.samples + AcceptanceOptions.chunkSize - 1) / AcceptanceOptions.chunkSize
        let countersPerChunk: Int
        switch draws.mode {
        case .everyPackage(_, let count): countersPerChunk = count
        case .tracked(let tracked): countersPerChunk = tracked.count
        }
        var total = ChunkResult(
            proposals: draws.judged.count, parties: draws.scenario.parties.count, outcomes: countersPerChunk)
        do {
            try await withThrowingTaskGroup(of: ChunkResult.self) { group in
                var next = 0
                func addChunk() {
                    let chunk = next
                    next += 1
                    let count = min(AcceptanceOptions.chunkSize, options.samples - chunk * AcceptanceOptions.chunkSize)
                    group.addTask { try draws.chunk(chunk, samples: count, seed: options.seed) }
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
