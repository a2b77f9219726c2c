extension Scenario {
    /// The exact analysis for scenarios in which some party's utility is not additive (GENIUS's cap at 1 binding,
    /// hyper-rectangle utilities): every outcome's utilities are computed once (``DenseUtilities``) and the same
    /// visitors as the additive analysis run over them, so every definition is the same.
    ///
    /// The space after expiry must hold at most ``denseOutcomeLimit`` outcomes (and at most
    /// ``AnalysisOptions/maxOutcomes``); nothing is pruned. Left out, with a note: the sensitivity sweep (it moves
    /// weights of additive utilities) and the position gaps of a party without a contribution table.
    ///
    /// - Complexity: O(outcomes × parties) utility evaluations, a few passes over the list, and the frontier's
    ///   ε-filter over the outcomes that cross no red line (a sweep for two parties, a sort-filter-skyline for more).
    func denseAnalysis(options: AnalysisOptions) throws(AnalysisError) -> ScenarioAnalysis {
        let dense = try denseUtilities(options: options)
        let available = dense.tables.selection
        let enumeration = OutcomeEnumeration.dense(dense)
        let tables = dense.tables
        let count = dense.count
        let nonAdditive = parties.filter { $0.utility.contributionTable(in: space) == nil }.map { "'\($0.id)'" }
        let whose =
            nonAdditive.count == 1
            ? "The utility of party \(nonAdditive[0]) is"
            : "The utilities of parties \(nonAdditive.joined(separator: ", ")) are"
        var notes = [
            "\(whose) not additive: the analysis computed every party's utility for each of the "
                + "\(formatCount(Double(count))) outcomes (it does so on spaces of at most "
                + "\(formatCount(Double(Self.denseOutcomeLimit))) outcomes)."
        ]

        var scan = ZoneScan(tables: tables, listLimit: options.zoneListLimit)
        dense.walk(&scan)
        if scan.zoneCount == 0 && parties.count >= 3 {
            scan = ZoneScan(tables: tables, listLimit: options.zoneListLimit, tracksBlocking: true)
            dense.walk(&scan)
        }
        var solutions = BargainingSolutions()
        solutions.nash = scan.nash.digits.map(enumeration.scored)
        solutions.utilitarian = scan.utilitarian.digits.map(enumeration.scored)
        solutions.egalitarian = scan.egalitarian.digits.map(enumeration.scored)
        if scan.zoneCount > 0 {
            var ks = KalaiSmorodinskyScan(tables: tables, ideal: scan.zoneIdeal)
            dense.walk(&ks)
            solutions.kalaiSmorodinsky = ks.best.digits.map(enumeration.scored)
        }

        // The frontier: the same ε-filter the additive builder ends with, over every outcome.
        let builder = ParetoFrontierBuilder(tables: tables, candidateLimit: Int.max)
        let kept = builder.epsilonFilter(
            ParetoFrontierBuilder.Candidates(utilities: dense.utilities, masks: dense.masks, digits: []))
        let frontier = ParetoFrontierBuilder.reportOrder(
            kept.map { position in
                let digits = dense.digits(at: position)
                return (digits: digits, utilities: dense.utilities(digits))
            })
        solutions.geniusKalaiSmorodinsky = Self.geniusKalaiSmorodinsky(frontier).map(enumeration.scored)

        let (zone, blocking) = zoneAndBlocking(scan, scored: enumeration.scored)
        if let note = expiryNote(available) { notes.append(note) }
        var skipped = SkippedSections()
        let (coalitions, thresholds) = try boundedDiagnostics(
            count: count, reducedFrom: nil, options: options, notes: &notes, skipped: &skipped)
        skipped.sensitivity = SkippedSection(
            reason: "it needs additive utilities",
            note: "The sensitivity sweep was not run: it needs additive utilities.")
        notes.append(skipped.sensitivity!.note)
        if parties.count >= 2 {
            notes.append("Position gaps are given only between parties whose utilities are additive.")
        }
        return ScenarioAnalysis(
            scenario: self, selection: available, outcomeCount: available.approximateCount, analysedCount: count,
            zone: zone,
            frontier: frontier.map { ScoredOutcome(outcome: enumeration.outcome($0.digits), utilities: $0.utilities) },
            solutions: solutions,
            extremes: denseExtremes(dense), blocking: blocking, coalitions: coalitions,
            reservationThresholds: thresholds, sensitivity: [],
            proposals: try proposals.map { proposal throws(AnalysisError) in
                try evaluate(proposal, options: options)
            },
            gaps: positionGaps(selection: available), notes: notes, skipped: skipped)
    }

    /// Each party's ideal (best among the outcomes crossing none of its own red lines) and worst outcome (red
    /// lines ignored), lowest outcome index on ties.
    private func denseExtremes(_ dense: DenseUtilities) -> [PartyExtremes] {
        let enumeration = OutcomeEnumeration.dense(dense)
        return parties.indices.map { p in
            var ideal = IdealScan(tables: dense.tables, party: p)
            dense.walk(&ideal)
            var worst = WorstScan(party: p)
            dense.walk(&worst)
            return PartyExtremes(
                ideal: ideal.best.digits.map(enumeration.scored),
                // Every selection has an outcome, so the walk found one.
                worst: enumeration.scored(worst.best.digits ?? Array(repeating: 0, count: issues.count)))
        }
    }
}

/// A search for one party's worst outcome, red lines ignored (the first on ties).
private struct WorstScan: OutcomeVisitor {
    let party: Int
    /// The best value of −u, so that ``Record``'s strict comparison keeps the first outcome on ties.
    var best = Record()

    func shouldDescend(depth: Int, prefix: UnsafeBufferPointer<Double>) -> Bool { true }

    mutating func visit(utilities: UnsafeBufferPointer<Double>, mask: UInt64, digits: UnsafeBufferPointer<Int>) {
        best.offer(-utilities[party], digits)
    }
}
