/// Everything the exact analysis finds about a scenario.
public struct ScenarioAnalysis: Sendable {
    /// The scenario analysed.
    public var scenario: Scenario
    /// The outcomes analysed: all, or those still available at the given round or date, less — when the space
    /// exceeds the enumeration limit — the options dominated on their issue for every party.
    public var selection: Selection
    /// How many outcomes the space holds (those still available at the given round or date), as a real number
    /// because it may exceed `Int.max`.
    public var outcomeCount: Double
    /// How many outcomes were enumerated.
    public var analysedCount: Int
    /// Whether dominated options were removed before enumeration; the zone count then covers only the
    /// remaining outcomes (a lower bound), while the frontier and the solution values are exact.
    public var isReduced: Bool { Double(analysedCount) < outcomeCount }
    /// The agreement zone.
    public var zone: AgreementZone
    /// The Pareto frontier, sorted by the first party's utility (descending), then outcome index.
    public var frontier: [ScoredOutcome]
    /// The bargaining solutions.
    public var solutions: BargainingSolutions
    /// Each party's best and worst outcome, in party order.
    public var extremes: [PartyExtremes]
    /// For three or more parties and an empty zone: what leaving each party out does to the zone, in party
    /// order (empty when the zone is not empty, since then nobody blocks).
    public var blocking: [BlockingAnalysis]
    /// Every coalition of two or more parties with its zone size and Nash package (see ``CoalitionAnalysis``);
    /// empty when the analysis skipped them (more than ``Scenario/maximumCoalitionParties`` parties, a reduced
    /// space, or more than ``AnalysisOptions/diagnosticsWorkLimit`` outcome × coalition checks).
    public var coalitions: [CoalitionAnalysis]
    /// For every party, the reservation value at which the zone opens or closes (empty when left out, like the
    /// coalitions).
    public var reservationThresholds: [ReservationThreshold]
    /// The one-at-a-time sensitivity of the zone and the Nash package to every reservation value and weight
    /// (empty when the space exceeds ``AnalysisOptions/sensitivityOutcomeLimit`` or was reduced).
    public var sensitivity: [ParameterSensitivity]
    /// Every proposal of the scenario, judged.
    public var proposals: [ProposalEvaluation]
    /// Position gaps per issue and party pair, issue by issue, pairs in party order.
    public var gaps: [PositionGap]
    /// Remarks on how the analysis was done (including the note of every skipped section).
    public var notes: [String]
    /// The sections left out (coalitions, reservation thresholds, the sensitivity sweep): why, and which limit
    /// would run them. Each one's ``SkippedSection/note`` is also among ``notes``.
    public var skipped = SkippedSections()
    /// Whether the space was analysed without enumeration (an additive space above the enumeration limit; see
    /// docs/methods.md, "Solutions without enumeration").
    public var isWithoutEnumeration = false
}

extension Scenario {
    /// Runs the exact analysis: agreement zone, Pareto frontier, bargaining solutions, extremes, blocking
    /// parties, proposals and position gaps.
    ///
    /// When some party's utility is not additive (it has no contribution table), the analysis lists every
    /// outcome's utilities instead, on spaces of at most ``denseOutcomeLimit`` outcomes, with the same definitions;
    /// the sensitivity sweep is then left out, with a note.
    ///
    /// - Complexity: the zone scans visit each outcome at most twice with O(parties) work, skipping sub-spaces
    ///   whose utility bounds rule them out; the frontier is built issue by issue and is usually far smaller
    ///   than the space. Without additive utilities: O(outcomes × parties) utility evaluations, and the frontier
    ///   filtered from every outcome.
    /// With `frontiers`, the Pareto frontier is taken from the memo when it was built before from identical inputs
    /// (the same levels, contributions, red lines and limit: analyses that differ only in reservation values), and
    /// kept there otherwise; the result is the same either way.
    ///
    /// - Throws: ``AnalysisError`` when the space is too large, or is not additive and has more than
    ///   ``denseOutcomeLimit`` outcomes.
    public func analyze(options: AnalysisOptions = AnalysisOptions(), frontiers: FrontierMemo? = nil)
        throws(AnalysisError) -> ScenarioAnalysis
    {
        if needsDenseEnumeration { return try denseAnalysis(options: options) }
        let available = Selection.available(in: space, round: options.round, date: options.date)
        if let empty = available.levels.firstIndex(where: \.isEmpty) { throw .emptySelection(issue: issues[empty].id) }
        let total = available.approximateCount
        var notes: [String] = []
        // Above --max-outcomes, an additive space of 1–4 parties needs no enumeration: that path is exact, where
        // enumerating what remains after pruning dominated options would count the zone only among those. Only when
        // its halves or frontier are too large does the analysis fall back to pruning.
        var withoutEnumerationError: AnalysisError?
        if analysesWithoutEnumeration(outcomes: total, options: options) {
            do {
                return try frontierAnalysis(available: available, options: options)
            } catch {
                switch error {
                case .halfTooLarge, .frontierTooLarge: withoutEnumerationError = error
                default: throw error
                }
            }
        }
        let (tables, selection): (AdditiveTables, Selection)
        do {
            (tables, selection) = try enumerableTables(of: available, options: options, notes: &notes)
        } catch {
            throw withoutEnumerationError ?? error
        }
        let count = selection.count ?? Int.max
        let walker = OutcomeWalker(tables: tables)

        var scan = ZoneScan(tables: tables, listLimit: options.zoneListLimit)
        walker.walk(&scan)
        if scan.zoneCount == 0 && parties.count >= 3 {
            // Nobody accepts everything: find out who blocks (a second pass that prunes less).
            scan = ZoneScan(tables: tables, listLimit: options.zoneListLimit, tracksBlocking: true)
            walker.walk(&scan)
        }
        let scored = { (digits: [Int]) in
            ScoredOutcome(outcome: tables.outcome(digits), utilities: tables.utilities(digits))
        }
        var solutions = BargainingSolutions()
        solutions.nash = scan.nash.digits.map(scored)
        solutions.utilitarian = scan.utilitarian.digits.map(scored)
        solutions.egalitarian = scan.egalitarian.digits.map(scored)
        if scan.zoneCount > 0 {
            var ks = KalaiSmorodinskyScan(tables: tables, ideal: scan.zoneIdeal)
            walker.walk(&ks)
            solutions.kalaiSmorodinsky = ks.best.digits.map(scored)
        }

        let builder = ParetoFrontierBuilder(tables: tables, candidateLimit: options.maxOutcomes)
        let frontier =
            if let frontiers {
                try frontiers.frontier(of: tables, candidateLimit: options.maxOutcomes, build: builder.frontier)
            } else {
                try builder.frontier()
            }
        solutions.geniusKalaiSmorodinsky = Self.geniusKalaiSmorodinsky(frontier).map(scored)

        let (zone, blocking) = zoneAndBlocking(scan, scored: scored)
        if let note = expiryNote(available) { notes.append(note) }
        let reducedFrom = selection == available ? nil : total
        var skipped = SkippedSections()
        let (coalitions, thresholds) = try boundedDiagnostics(
            count: count, reducedFrom: reducedFrom, options: options, notes: &notes, skipped: &skipped)
        var sensitivity: [ParameterSensitivity] = []
        if reducedFrom == nil && count <= options.sensitivityOutcomeLimit {
            sensitivity = try self.sensitivity(options: options)
        } else {
            skipped.sensitivity = Self.skippedSensitivity(
                outcomes: total, isReduced: reducedFrom != nil, options: options)
            notes.append(skipped.sensitivity!.note)
        }
        return ScenarioAnalysis(
            scenario: self, selection: selection, outcomeCount: total, analysedCount: count, zone: zone,
            frontier: frontier.map { ScoredOutcome(outcome: tables.outcome($0.digits), utilities: $0.utilities) },
            solutions: solutions, extremes: try extremes(tables: tables, walker: walker, available: available),
            blocking: blocking, coalitions: coalitions, reservationThresholds: thresholds,
            sensitivity: sensitivity,
            proposals: try proposals.map { proposal throws(AnalysisError) in
                try evaluate(proposal, options: options)
            },
            gaps: positionGaps(selection: selection), notes: notes, skipped: skipped)
    }

    /// The tables the analysis enumerates: those of `available` or, when it holds more outcomes than
    /// ``AnalysisOptions/maxOutcomes``, of what remains after removing the options dominated on their issue for
    /// every party (with a note saying so).
    ///
    /// - Throws: ``AnalysisError/spaceTooLarge(outcomes:afterPruning:limit:)`` when even that is too large, at once
    ///   when the issues too long to prune alone exceed the limit.
    private func enumerableTables(of available: Selection, options: AnalysisOptions, notes: inout [String])
        throws(AnalysisError) -> (AdditiveTables, Selection)
    {
        let total = available.approximateCount
        // Issues too long to prune stay whole; if they alone exceed the limit, say so before any work.
        let unprunable = available.levels.reduce(1.0) {
            $0 * ($1.count > AdditiveTables.pruningLevelLimit ? Double($1.count) : 1)
        }
        if unprunable > Double(options.maxOutcomes) {
            throw .spaceTooLarge(outcomes: total, afterPruning: total, limit: options.maxOutcomes)
        }
        let tables = try AdditiveTables(scenario: self, selection: available)
        guard total > Double(options.maxOutcomes) else { return (tables, available) }
        // Too many to enumerate: drop options dominated on their issue for every party, then try again.
        let selection = tables.undominatedSelection()
        let reduced = selection.approximateCount
        guard reduced <= Double(options.maxOutcomes) else {
            throw .spaceTooLarge(outcomes: total, afterPruning: reduced, limit: options.maxOutcomes)
        }
        notes.append(
            "The space has \(formatCount(total)) outcomes, more than the enumeration limit of "
                + "\(formatCount(Double(options.maxOutcomes))) set by --max-outcomes; \(formatCount(reduced)) remain after removing options dominated on "
                + "their issue for every party. The Pareto frontier and the solutions' values are exact; the agreement zone "
                + "is counted among the remaining outcomes only (a lower bound).")
        return (try AdditiveTables(scenario: self, selection: selection), selection)
    }

    /// GENIUS's Kalai–Smorodinsky point: the frontier outcome minimising Σ_{i<j} |u_i − u_j|, lowest index on ties.
    static func geniusKalaiSmorodinsky(_ frontier: [(digits: [Int], utilities: [Double])]) -> [Int]? {
        var best: (value: Double, digits: [Int])?
        for point in frontier {
            var spread = 0.0
            for i in point.utilities.indices {
                for j in point.utilities.indices where j > i { spread += abs(point.utilities[i] - point.utilities[j]) }
            }
            if let current = best {
                if spread < current.value - utilityTolerance
                    || (abs(spread - current.value) <= utilityTolerance
                        && point.digits.lexicographicallyPrecedes(current.digits))
                {
                    best = (spread, point.digits)
                }
            } else {
                best = (spread, point.digits)
            }
        }
        return best?.digits
    }

    private func extremes(tables: AdditiveTables, walker: OutcomeWalker, available: Selection) throws(AnalysisError)
        -> [PartyExtremes]
    {
        // The worst outcomes may have been pruned from `tables`; they are read from every available level.
        let full = available == tables.selection ? tables : try AdditiveTables(scenario: self, selection: available)
        return parties.indices.map { p in
            let table = tables.contribution[p]
            let fullTable = full.contribution[p]
            // The worst outcome: the lowest contribution on every issue (first on ties: lowest outcome index).
            let worstDigits = fullTable.map { row in row.indices.min { row[$0] < row[$1] } ?? 0 }
            let worst = ScoredOutcome(outcome: full.outcome(worstDigits), utilities: full.utilities(worstDigits))
            let idealDigits: [Int]?
            if tables.redLineMasks[p].isEmpty {
                idealDigits = table.map { row in row.indices.min { row[$0] > row[$1] } ?? 0 }
            } else {
                var search = IdealScan(tables: tables, party: p)
                walker.walk(&search)
                idealDigits = search.best.digits
            }
            return PartyExtremes(
                ideal: idealDigits.map { ScoredOutcome(outcome: tables.outcome($0), utilities: tables.utilities($0)) },
                worst: worst)
        }
    }
}

extension Scenario {
    /// The agreement zone and, when the scan tracked it, who blocks: built alike by the additive and the dense
    /// analysis from their zone scan.
    func zoneAndBlocking(_ scan: ZoneScan, scored: ([Int]) -> ScoredOutcome) -> (AgreementZone, [BlockingAnalysis]) {
        let zone = AgreementZone(
            count: scan.zoneCount, outcomes: scan.zoneList.ranked.map { scored($0.digits) },
            closest: scan.closest.digits.map(scored),
            closestMargin: scan.closest.digits == nil ? nil : scan.closest.value)
        let blocking: [BlockingAnalysis] =
            scan.tracksBlocking
            ? parties.indices.map { left in
                let package = scan.nashWithout[left].digits.map(scored)
                return BlockingAnalysis(
                    party: left, zoneCountWithout: scan.countWithout[left], packageWithout: package,
                    blocks: scan.zoneCount == 0 && scan.countWithout[left] > 0,
                    shortfall: package.map { parties[left].reservation - $0.utilities[left] },
                    crossedRedLine: package.flatMap { parties[left].crossedRedLine(by: $0.outcome, in: space) })
            } : []
        return (zone, blocking)
    }

    /// The note saying how many expired options the analysis left out, if any.
    func expiryNote(_ available: Selection) -> String? {
        guard available.levels != Selection(all: space).levels else { return nil }
        let removed = zip(available.levels, space.radices).map { $1 - $0.count }.reduce(0, +)
        return "\(removed) expired option(s) removed before the analysis."
    }

    /// Coalitions and reservation thresholds, each run only when its work (outcomes × coalitions, outcomes × parties)
    /// stays within ``AnalysisOptions/diagnosticsWorkLimit`` and the analysis covers the whole available selection
    /// (`reducedFrom` is `nil`; otherwise it is the size of that selection); else left out, recorded in `skipped`
    /// with a note that quotes the numbers compared.
    func boundedDiagnostics(
        count: Int, reducedFrom total: Double?, options: AnalysisOptions, notes: inout [String],
        skipped: inout SkippedSections
    ) throws(AnalysisError) -> ([CoalitionAnalysis], [ReservationThreshold]) {
        var coalitions: [CoalitionAnalysis] = []
        // With two parties the only coalition is everyone: the agreement zone itself.
        if parties.count > Self.maximumCoalitionParties {
            skipped.coalitions = SkippedSection(
                reason: "with \(parties.count) parties there are "
                    + formatCount(
                        Double(sign: .plus, exponent: parties.count, significand: 1) - Double(parties.count) - 1)
                    + " coalitions; they are analysed for at most \(Self.maximumCoalitionParties) parties",
                note: "")
        } else if parties.count >= 3 {
            let coalitionCount = (1 << parties.count) - parties.count - 1
            if total == nil, count.fits(times: coalitionCount, within: options.diagnosticsWorkLimit) {
                coalitions = try self.coalitions(options: options)
            } else {
                skipped.coalitions = Self.skippedDiagnostic(
                    count: count, reducedFrom: total, times: coalitionCount, "coalitions", options: options)
            }
        }
        var thresholds: [ReservationThreshold] = []
        if total == nil, count.fits(times: parties.count, within: options.diagnosticsWorkLimit) {
            thresholds = try reservationThresholds(options: options)
        } else {
            skipped.reservationThresholds = Self.skippedDiagnostic(
                count: count, reducedFrom: total, times: parties.count, "parties", options: options)
        }
        if var section = skipped.coalitions {
            section.note = "Coalitions were not analysed: \(section.reason)."
            skipped.coalitions = section
            notes.append(section.note)
        }
        if var section = skipped.reservationThresholds {
            section.note = "Reservation thresholds were not computed: \(section.reason)."
            skipped.reservationThresholds = section
            notes.append(section.note)
        }
        return (coalitions, thresholds)
    }

    /// A diagnostic left out, with the numbers compared: its work on the whole available selection
    /// (`outcomes × factor` checks) against ``AnalysisOptions/diagnosticsWorkLimit``, and, when the enumeration
    /// reduced the space, the selection's size against ``AnalysisOptions/maxOutcomes``; the remedies raise those
    /// limits to the work and the selection's size.
    static func skippedDiagnostic(
        count: Int, reducedFrom total: Double?, times factor: Int, _ noun: String, options: AnalysisOptions
    ) -> SkippedSection {
        let outcomes = total ?? Double(count)
        let limit = Double(options.diagnosticsWorkLimit)
        var reasons: [String] = []
        var remedies: [LimitRemedy?] = []
        if total == nil || outcomes * Double(factor) > limit {
            reasons.append(
                "\(formatCount(outcomes)) outcomes × \(factor) \(noun) is more than the limit of \(formatCount(limit)) "
                    + "checks set by --diagnostics-limit")
            remedies.append(.raise("--diagnostics-limit", to: outcomes * Double(factor)))
        }
        if let total {
            reasons.append(wholeSpaceReason(outcomes: total, subject: "they need", options: options))
            remedies.append(.raise("--max-outcomes", to: total))
        }
        return SkippedSection(
            reason: reasons.joined(separator: "; "), note: "", remedies: remedies.compactMap { $0 })
    }

    /// The sensitivity sweep left out, with the numbers compared: the space's size against
    /// ``AnalysisOptions/sensitivityOutcomeLimit`` and, when the enumeration reduced the space, against
    /// ``AnalysisOptions/maxOutcomes``.
    static func skippedSensitivity(outcomes total: Double, isReduced: Bool, options: AnalysisOptions)
        -> SkippedSection
    {
        var reasons: [String] = []
        var remedies: [LimitRemedy?] = []
        if total > Double(options.sensitivityOutcomeLimit) {
            reasons.append(
                "the space has \(formatCount(total)) outcomes, more than its limit of "
                    + formatCount(Double(options.sensitivityOutcomeLimit)) + " set by --sensitivity-limit")
            remedies.append(.raise("--sensitivity-limit", to: total))
        }
        if isReduced {
            reasons.append(wholeSpaceReason(outcomes: total, subject: "it needs", options: options))
            remedies.append(.raise("--max-outcomes", to: total))
        }
        let reason = reasons.joined(separator: "; ")
        return SkippedSection(
            reason: reason, note: "The sensitivity sweep was not run: \(reason).", remedies: remedies.compactMap { $0 })
    }

    /// A diagnostic runs on every available outcome, which the enumeration limit did not allow.
    static func wholeSpaceReason(outcomes total: Double, subject: String, options: AnalysisOptions) -> String {
        "\(subject) all \(formatCount(total)) outcomes, more than the enumeration limit of "
            + "\(formatCount(Double(options.maxOutcomes))) set by --max-outcomes"
    }
}

extension Int {
    /// Whether `self × factor` is at most `limit` (and does not overflow).
    fileprivate func fits(times factor: Int, within limit: Int) -> Bool {
        let product = multipliedReportingOverflow(by: factor)
        return !product.overflow && product.partialValue <= limit
    }
}
