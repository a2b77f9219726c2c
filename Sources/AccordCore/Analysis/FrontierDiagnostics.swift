/// Everything of the exact analysis that lives on the frontier, computed without enumerating the space: the
/// zone-based solutions, the closest package, each party's best utility in the zone, reservation thresholds, ideals,
/// and, per set of parties, its zone size (meet in the middle) and Nash package (``AdditiveFrontierSearch``).
///
/// Each result equals the enumerating path's, outcome for outcome (docs/methods.md, "Solutions without
/// enumeration").
struct FrontierDiagnostics {
    let scenario: Scenario
    let tables: AdditiveTables
    let search: AdditiveFrontierSearch
    /// Both halves of the issues listed and ranked once for every party, shared by every zone and coalition count.
    let counter: MeetInTheMiddleCount
    /// The most partial outcomes a frontier construction step may hold.
    let candidateLimit: Int

    init(scenario: Scenario, tables: AdditiveTables, candidateLimit: Int) throws(AnalysisError) {
        self.scenario = scenario
        self.tables = tables
        self.candidateLimit = candidateLimit
        search = try AdditiveFrontierSearch(tables: tables, candidateLimit: candidateLimit)
        do {
            counter = try MeetInTheMiddleCount(tables: tables, halfLimit: Scenario.zoneCountHalfLimit)
        } catch .spaceTooLarge(let outcomes, let half, let limit) {
            throw .halfTooLarge(outcomes: outcomes, half: half, limit: limit)
        } catch {
            throw error
        }
    }

    /// The outcome with these selection indices and every party's utility for it.
    func scored(_ digits: [Int]) -> ScoredOutcome {
        ScoredOutcome(outcome: tables.outcome(digits), utilities: tables.utilities(digits))
    }

    /// Nash, Kalai–Smorodinsky, utilitarian and egalitarian over the zone (the GENIUS-style point is read off the
    /// frontier by the caller).
    func solutions() -> BargainingSolutions {
        let d = tables.reservations
        var solutions = BargainingSolutions()
        solutions.nash = search.first(maximizing: FrontierObjectives.nash(d)).map { scored($0.digits) }
        solutions.utilitarian = search.first(maximizing: FrontierObjectives.utilitarian(d)).map { scored($0.digits) }
        solutions.egalitarian = search.first(maximizing: FrontierObjectives.smallestMargin(d, inZone: true))
            .map { scored($0.digits) }
        if let ideal = zoneIdeal() {
            solutions.kalaiSmorodinsky = search.first(maximizing: FrontierObjectives.kalaiSmorodinsky(d, ideal: ideal))
                .map { scored($0.digits) }
        }
        return solutions
    }

    /// Each party's best utility inside the zone, `nil` when the zone is empty.
    func zoneIdeal() -> [Double]? {
        var ideal: [Double] = []
        for p in 0..<tables.partyCount {
            guard let best = search.maximum(of: FrontierObjectives.utilityInZone(of: p, tables.reservations)) else {
                return nil
            }
            ideal.append(best)
        }
        return ideal
    }

    /// The outcome crossing no red line with the largest smallest margin, and that margin.
    func closest() -> (outcome: ScoredOutcome, margin: Double)? {
        search.first(maximizing: FrontierObjectives.smallestMargin(tables.reservations, inZone: false)).map {
            (scored($0.digits), $0.value)
        }
    }

    /// Each party's reservation threshold: its best utility over the outcomes every other party accepts.
    func reservationThresholds() -> [ReservationThreshold] {
        (0..<tables.partyCount).map { p in
            ReservationThreshold(
                party: p, current: scenario.parties[p].reservation,
                threshold: search.maximum(
                    of: FrontierObjectives.utility(of: p, tables.reservations, othersAccept: true)))
        }
    }

    /// Each party's best outcome among those crossing none of its own red lines.
    func ideal(of party: Int) throws(AnalysisError) -> ScoredOutcome? {
        if tables.redLineMasks[party].isEmpty {
            // The best level of every issue, the first on ties: the lowest index.
            return scored(tables.contribution[party].map { row in row.indices.min { row[$0] > row[$1] } ?? 0 })
        }
        let alone = try AdditiveFrontierSearch(tables: subTables([party]), candidateLimit: candidateLimit)
        return alone.first(maximizing: { $0[0] }).map { scored($0.digits) }
    }

    /// The zone of a set of parties (its members accept; others' utilities and red lines ignored): its size and its
    /// Nash package Π_{i∈S} max(0, u_i − d_i), lowest index on ties.
    func coalition(_ members: [Int]) throws(AnalysisError) -> (count: Int, nash: ScoredOutcome?) {
        let count = counter.count(members: members)
        guard count > 0 else { return (0, nil) }
        let sub = try subTables(members)
        let search =
            members.count == tables.partyCount
            ? self.search : try AdditiveFrontierSearch(tables: sub, candidateLimit: candidateLimit)
        let nash = search.first(maximizing: FrontierObjectives.nash(sub.reservations))
        return (count, nash.map { scored($0.digits) })
    }

    /// The tables of the same selection with only these parties (in party order): their utilities, reservations and
    /// red lines.
    private func subTables(_ members: [Int]) throws(AnalysisError) -> AdditiveTables {
        var sub = scenario
        sub.parties = members.map { scenario.parties[$0] }
        return try AdditiveTables(scenario: sub, selection: tables.selection)
    }
}
