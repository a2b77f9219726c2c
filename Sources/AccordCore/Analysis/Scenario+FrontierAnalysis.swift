extension Scenario {
    /// The most parties for which the analysis works without enumeration (zone and coalition counts by meet in the
    /// middle, whose dominance counting grows by a log factor per party).
    public static let frontierAnalysisMaximumParties = 4

    /// The most partial outcomes one step of a frontier construction may hold when the analysis works without
    /// enumeration: its own limit, independent of ``AnalysisOptions/maxOutcomes``.
    public static let frontierCandidateLimit = 50_000_000

    /// Whether the analysis of an additive space this large goes without enumeration: more outcomes than
    /// ``AnalysisOptions/maxOutcomes``, at most ``frontierAnalysisMaximumParties`` parties, at least one issue.
    func analysesWithoutEnumeration(outcomes: Double, options: AnalysisOptions) -> Bool {
        outcomes > Double(options.maxOutcomes) && (1...Self.frontierAnalysisMaximumParties).contains(parties.count)
            && !issues.isEmpty
    }

    /// The exact analysis of an additive space without enumerating it: the zone and coalitions counted by meet in the
    /// middle, the frontier built issue by issue, every solution, the closest package, the zone list, thresholds,
    /// ideals, blocking and coalitions' Nash packages found from frontiers (``FrontierDiagnostics``). The results are
    /// the enumerating analysis's; only the sensitivity sweep, which needs every outcome, is left out above its limit.
    func frontierAnalysis(available: Selection, options: AnalysisOptions) throws(AnalysisError) -> ScenarioAnalysis {
        let total = available.approximateCount
        // The counts' halves first: refused at once, before any frontier is built.
        let radices = available.levels.map(\.count)
        let split = MeetInTheMiddleCount.split(radices)
        let half = max(
            radices[..<split].reduce(1.0) { $0 * Double($1) }, radices[split...].reduce(1.0) { $0 * Double($1) })
        guard half <= Double(Self.zoneCountHalfLimit) else {
            throw .halfTooLarge(outcomes: total, half: half, limit: Self.zoneCountHalfLimit)
        }
        let tables = try AdditiveTables(scenario: self, selection: available)
        let frontier = try FrontierDiagnostics(
            scenario: self, tables: tables, candidateLimit: Self.frontierCandidateLimit)
        let everyone = try frontier.coalition(Array(parties.indices))
        let count = everyone.count
        var solutions = frontier.solutions()
        let points = ParetoFrontierBuilder(tables: tables, candidateLimit: Self.frontierCandidateLimit)
            .frontier(of: frontier.search.candidates)
        solutions.geniusKalaiSmorodinsky = Self.geniusKalaiSmorodinsky(points).map(frontier.scored)
        let closest = frontier.closest()
        let zone = AgreementZone(
            count: count, outcomes: zoneList(frontier, limit: options.zoneListLimit).map(frontier.scored),
            closest: closest?.outcome, closestMargin: closest?.margin)
        var notes = [
            "The space has \(formatCount(total)) outcomes, more than the enumeration limit of "
                + "\(formatCount(Double(options.maxOutcomes))) set by --max-outcomes; being additive, it was analysed "
                + "without enumeration: the zone counted by meet in the middle, the solutions found from frontiers, "
                + "all exact."
        ]
        if let note = expiryNote(available) { notes.append(note) }
        var skipped = SkippedSections()
        let (coalitions, thresholds) = try frontierDiagnostics(
            frontier, everyone: everyone, options: options, skipped: &skipped)
        notes += [skipped.coalitions?.note, skipped.reservationThresholds?.note].compactMap { $0 }
        // The sweep re-analyses the space many times by enumeration: above --max-outcomes it cannot run.
        skipped.sensitivity = Self.skippedSensitivity(outcomes: total, isReduced: true, options: options)
        notes.append(skipped.sensitivity!.note)
        return ScenarioAnalysis(
            scenario: self, selection: available, outcomeCount: total,
            analysedCount: total < 9e18 ? Int(total) : Int.max, zone: zone,
            frontier: points.map { ScoredOutcome(outcome: tables.outcome($0.digits), utilities: $0.utilities) },
            solutions: solutions, extremes: try frontierExtremes(frontier),
            blocking: try frontierBlocking(frontier, zoneIsEmpty: count == 0),
            coalitions: coalitions, reservationThresholds: thresholds,
            sensitivity: [],
            proposals: try proposals.map { proposal throws(AnalysisError) in try evaluate(proposal, options: options) },
            gaps: positionGaps(selection: available), notes: notes, skipped: skipped, isWithoutEnumeration: true)
    }

    /// Coalitions and reservation thresholds within ``AnalysisOptions/diagnosticsWorkLimit``, counted in this path's
    /// own checks: a coalition's count reads every partial outcome of both halves (their number × coalitions), a
    /// threshold every frontier candidate (their number × parties). A section over the limit is left out and says so.
    private func frontierDiagnostics(
        _ frontier: FrontierDiagnostics, everyone: (count: Int, nash: ScoredOutcome?), options: AnalysisOptions,
        skipped: inout SkippedSections
    ) throws(AnalysisError) -> ([CoalitionAnalysis], [ReservationThreshold]) {
        let limit = Double(options.diagnosticsWorkLimit)
        func skip(_ items: Int, _ what: String, times factor: Int, _ noun: String, note: String) -> SkippedSection {
            let work = Double(items) * Double(factor)
            let reason =
                "\(formatCount(Double(items))) \(what) × \(factor) \(noun) is more than the limit of "
                + "\(formatCount(limit)) checks set by --diagnostics-limit"
            return SkippedSection(
                reason: reason, note: "\(note): \(reason).",
                remedies: [LimitRemedy.raise("--diagnostics-limit", to: work)].compactMap { $0 })
        }
        var coalitions: [CoalitionAnalysis] = []
        if parties.count >= 3 {
            let coalitionCount = (1 << parties.count) - parties.count - 1
            let items = frontier.counter.partialOutcomes
            if Double(items) * Double(coalitionCount) <= limit {
                coalitions = try frontierCoalitions(frontier, everyone: everyone)
            } else {
                skipped.coalitions = skip(
                    items, "partial outcomes of the halves", times: coalitionCount, "coalitions",
                    note: "Coalitions were not analysed")
            }
        }
        var thresholds: [ReservationThreshold] = []
        let candidates = frontier.search.candidates.count
        if Double(candidates) * Double(parties.count) <= limit {
            thresholds = frontier.reservationThresholds()
        } else {
            skipped.reservationThresholds = skip(
                candidates, "frontier candidates", times: parties.count, "parties",
                note: "Reservation thresholds were not computed")
        }
        return (coalitions, thresholds)
    }

    /// The zone's best packages by the listing key (``AgreementZone/outcomes``), found best first.
    private func zoneList(_ frontier: FrontierDiagnostics, limit: Int) -> [[Int]] {
        let d = frontier.tables.reservations
        let nash = FrontierObjectives.nash(d)
        return frontier.search.best(limit: limit) { u in
            guard let product = nash(u) else { return nil }
            var smallest = Double.infinity
            for p in 0..<u.count { smallest = min(smallest, u[p] - d[p]) }
            return AdditiveFrontierSearch.Key(primary: ZoneRanking.marginKey(smallest), secondary: product)
        }.map(\.digits)
    }

    /// Each party's ideal (from the frontier) and worst package (the lowest level of every issue, first on ties).
    private func frontierExtremes(_ frontier: FrontierDiagnostics) throws(AnalysisError) -> [PartyExtremes] {
        var extremes: [PartyExtremes] = []
        for p in parties.indices {
            let worst = frontier.tables.contribution[p].map { row in row.indices.min { row[$0] < row[$1] } ?? 0 }
            extremes.append(PartyExtremes(ideal: try frontier.ideal(of: p), worst: frontier.scored(worst)))
        }
        return extremes
    }

    /// For three or more parties and an empty zone: each party's absence, as ``zoneAndBlocking(_:scored:)`` reports it.
    private func frontierBlocking(_ frontier: FrontierDiagnostics, zoneIsEmpty: Bool) throws(AnalysisError)
        -> [BlockingAnalysis]
    {
        guard zoneIsEmpty, parties.count >= 3 else { return [] }
        var blocking: [BlockingAnalysis] = []
        for left in parties.indices {
            let (count, package) = try frontier.coalition(parties.indices.filter { $0 != left })
            blocking.append(
                BlockingAnalysis(
                    party: left, zoneCountWithout: count, packageWithout: package, blocks: count > 0,
                    shortfall: package.map { parties[left].reservation - $0.utilities[left] },
                    crossedRedLine: package.flatMap { parties[left].crossedRedLine(by: $0.outcome, in: space) }))
        }
        return blocking
    }

    /// Every coalition of two or more parties, for three or more parties, in the order of ``coalitions(options:)``.
    /// `everyone`: the zone's count and Nash package, already found (the coalition of every party).
    private func frontierCoalitions(
        _ frontier: FrontierDiagnostics, everyone: (count: Int, nash: ScoredOutcome?)
    ) throws(AnalysisError) -> [CoalitionAnalysis] {
        guard parties.count >= 3 else { return [] }
        let sets = (1..<(1 << parties.count)).filter { $0.nonzeroBitCount >= 2 }
            .map { mask in parties.indices.filter { mask & (1 << $0) != 0 } }
            .sorted { $0.count != $1.count ? $0.count < $1.count : $0.lexicographicallyPrecedes($1) }
        var result: [CoalitionAnalysis] = []
        for members in sets {
            let (count, nash) =
                members.count == parties.count ? everyone : try frontier.coalition(members)
            result.append(CoalitionAnalysis(parties: members, zoneCount: count, best: nash))
        }
        return result
    }
}
