import AccordCore

/// Bid selection and draft replies shared by the ANAC champions (``HardHeadedAgent``, ``AgentK``, ``CUHKAgent``,
/// ``Atlas3Agent``).
enum ChampionSupport {
    /// The most candidates a bid search weighs.
    static let candidateLimit = 64

    /// The positions in `ranking` of the outcomes from the one closest to `target` from above up to `window`
    /// better (at most ``candidateLimit``), nearest the target first; never an outcome below the target unless
    /// none reaches it (then the best outcome alone).
    static func candidates(ranking: Ranking, target: Double, window: Double) -> [Int] {
        let position = ranking.position(atLeast: target)
        let ceiling = ranking.utilities[position] + window
        var positions = [position]
        var candidate = position - 1
        while candidate >= 0 && positions.count < candidateLimit && ranking.utilities[candidate] <= ceiling {
            positions.append(candidate)
            candidate -= 1
        }
        return positions
    }

    /// Among the candidates at or above `target` (see ``candidates(ranking:target:window:)``), one drawn uniformly
    /// from the `top` the model rates best for the opponents (ties: nearer the target).
    static func opponentAwareBid(
        ranking: Ranking, target: Double, window: Double, model: FrequencyModel, top: Int,
        generator: inout SeededGenerator
    ) -> Int {
        let positions = candidates(ranking: ranking, target: target, window: window)
        let rated = positions.enumerated().map { index, position in
            (
                outcome: Int(ranking.outcomes[position]),
                value: model.opponentsUtility(of: Int(ranking.outcomes[position])),
                index: index
            )
        }
        let sorted = rated.sorted { $0.value != $1.value ? $0.value > $1.value : $0.index < $1.index }
        let pick = Int.random(in: 0..<min(max(top, 1), sorted.count), using: &generator)
        return sorted[pick].outcome
    }

    /// One of the candidates at or above `target`, drawn uniformly.
    static func randomBid(ranking: Ranking, target: Double, window: Double, generator: inout SeededGenerator) -> Int {
        let positions = candidates(ranking: ranking, target: target, window: window)
        return Int(ranking.outcomes[positions[Int.random(in: 0..<positions.count, using: &generator)]])
    }

    /// A champion's reply to a mediator's draft: accept one individually rational and worth at least `threshold`,
    /// else name the issue whose change would raise the agent's utility most.
    static func reply(toDraft draft: Int, threshold: Double, view: AgentView, round: Int) -> DraftReply {
        if view.isRational(draft) && view.utilities[draft] >= max(threshold, view.reservation) - utilityTolerance {
            return .accept
        }
        return .object(issue: view.mostWantedChange(in: draft, round: round))
    }

    /// The time at which a champion's concession schedule ends: that of the second-to-last round, so that its
    /// threshold reaches its minimum while both parties can still act on it (1 when the deadline is in seconds
    /// only, or has a single round).
    static func scheduleEnd(of setup: AgentSetup) -> Double {
        guard let rounds = setup.deadline.rounds, rounds >= 2 else { return 1 }
        return setup.deadline.time(ofRound: rounds - 1)
    }

    /// Time rescaled so that the schedule ends at `end`: min(1, t / end).
    static func scheduled(_ t: Double, end: Double) -> Double { end > 0 ? min(1, max(0, t) / end) : 1 }

    /// The agent's discount factor in (0, 1], 1 when it has none.
    static func discount(of view: AgentView) -> Double {
        guard let d = view.domain.scenario.parties[view.party].discount, d > 0, d < 1 else { return 1 }
        return d
    }
}
