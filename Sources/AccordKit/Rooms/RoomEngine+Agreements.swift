extension RoomEngine {
    /// The package the secret acceptances agree on: among the packages every party marked, the best by the room's
    /// fairness rule; `nil` when a party has marked none or the marks do not overlap.
    ///
    /// A marked package counts as accepted by the party that marked it, whatever its utility. The packages are
    /// ranked by the rule's score with the reservation values as disagreement point — Nash: Π max(u_i − d_i, 0);
    /// Kalai–Smorodinsky: min_i (u_i − d_i)/(I_i − d_i), I_i the party's best utility among the overlap — then by
    /// the largest total utility, then the lowest outcome index.
    public func secretAgreement(marks: [String: [Outcome]]) -> Outcome? {
        var overlap: Set<Outcome>?
        for party in scenario.parties {
            let marked = Set(marks[party.id] ?? [])
            overlap = overlap.map { $0.intersection(marked) } ?? marked
        }
        guard let candidates = overlap, !candidates.isEmpty else { return nil }
        let scored = candidates.map { ScoredOutcome(outcome: $0, utilities: scenario.utilities(of: $0)) }
        let reservations = scenario.parties.map(\.reservation)
        let ideals = reservations.indices.map { party in scored.map { $0.utilities[party] }.max() ?? 1 }
        func score(_ point: ScoredOutcome) -> Double {
            let gains = zip(point.utilities, reservations).map { max($0 - $1, 0) }
            switch fairness {
            case .nash: return gains.reduce(1, *)
            case .kalaiSmorodinsky:
                return zip(gains, zip(ideals, reservations)).map { gain, bounds in
                    bounds.0 - bounds.1 > 1e-12 ? gain / (bounds.0 - bounds.1) : 1
                }.min() ?? 0
            }
        }
        let space = scenario.space
        return scored.max { a, b in
            let (sa, sb) = (score(a), score(b))
            if abs(sa - sb) > 1e-12 { return sa < sb }
            let (ta, tb) = (a.utilities.reduce(0, +), b.utilities.reduce(0, +))
            if abs(ta - tb) > 1e-12 { return ta < tb }
            return space.index(of: a.outcome) > space.index(of: b.outcome)
        }?.outcome
    }

    /// The post-settlement improvement of an agreement: how many packages every party prefers to it (each by more
    /// than ``improvementMargin``, no red line crossed), and the best of them by the room's fairness rule with the
    /// agreement as the disagreement point; `nil` when there is none.
    ///
    /// It is the exact analysis of the same scenario with each reservation raised to the party's utility of the
    /// agreement (plus the margin): that scenario's agreement zone is the set of improvements.
    public func improvement(on agreement: Outcome) throws(RoomError) -> (count: Int, outcome: Outcome)? {
        var raised = scenario
        for index in raised.parties.indices {
            let party = raised.parties[index]
            raised.parties[index].reservation =
                party.utility.utility(of: agreement, in: scenario.space) + Self.improvementMargin
        }
        let engine = try RoomEngine(scenario: raised, fairness: fairness)
        guard engine.zoneExists, let best = engine.suggestion, best.basis != "closest" else { return nil }
        return (engine.zoneCount, best.outcome)
    }
}
