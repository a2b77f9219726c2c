import AccordCore
import AccordFormats
import AccordNegotiation

extension TournamentReport {
    /// The JSON contract of `accord tournament` and `accord merge`. Keys, in this order:
    ///
    /// - `accord`: 1.
    /// - `tournament`: `name`; `mechanism` (`alternating`, `saop`, `mediated`); `deadline` {`rounds`, `seconds`},
    ///   each a number or null; `repetitions`; `roles` (`all`, `fixed`); `selfPlay` (boolean); `seed` (a decimal
    ///   string: 64-bit seeds exceed what most JSON readers hold exactly); `timeLimit` (seconds per negotiation, or
    ///   null); `agents`, one object per competitor in the specification's order: `id`, `agent` (its canonical
    ///   specification, such as `time-dependent(e=0.5)`), `strategy` (the registry's one-line description);
    ///   `scenarios`, the scenario names in tournament order.
    /// - `shard`: {`index`, `count`} (index from 1) when the results cover one slice of the plan, else null.
    /// - `negotiations`: `plan` (the whole plan's length), `planned` (the plan, or the shard's share of it),
    ///   `recorded`, `agreements`, `failures`.
    /// - `significanceLevel`: 0.05.
    /// - `standings`: one object per competitor in rank order: `rank`; `agent` (identifier); `samples` (roles
    ///   played); `meanUtility` (mean discounted utility; null without samples); `lower`, `upper` (the 95 %
    ///   confidence interval, null below 2 samples); `agreementRate` (0–1); `meanWelfare`; `meanParetoDistance`,
    ///   `meanNashDistance` (over its agreements that have one, else null); `failures`; `significantlyBetterThan`,
    ///   `significantlyWorseThan` (identifiers, in rank order); `meanUtilityByScenario` (one number or null per
    ///   entry of `tournament.scenarios`).
    /// - `comparisons`: one object per pair of competitors, higher-ranked first, in rank order: `first`, `second`,
    ///   `difference` (first's mean minus second's), `t`, `degreesOfFreedom`, `p` (Welch's test, two-sided; null
    ///   when undefined: fewer than 2 samples, or no variance), `significant` (p < 0.05).
    ///
    /// Numbers are written in the shortest form that reads back to the same double; a non-finite number is null.
    /// The output depends only on the summary and the setup, so equal inputs give equal bytes.
    public func json() -> JSONValue {
        .object([
            ("accord", .int(1)),
            ("tournament", tournamentJSON()),
            ("shard", setup.shard.map { .object([("index", .int($0.index)), ("count", .int($0.count))]) } ?? .null),
            ("negotiations", negotiationsJSON()),
            ("significanceLevel", .number(Self.significanceLevel)),
            ("standings", standingsJSON()),
            ("comparisons", .array(summary.comparisons.map(comparisonJSON))),
        ])
    }

    /// The setup: mechanism, deadline, repetitions, roles, self-play, seed, time limit, agents and scenarios.
    func tournamentJSON() -> JSONValue {
        let deadline = setup.deadline
        let agents = JSONValue.array(
            setup.competitors.map { competitor in
                .object([
                    ("id", .string(competitor.id)), ("agent", .string(competitor.agent.description)),
                    ("strategy", .string(Self.strategyDescription(competitor.agent))),
                ])
            })
        return .object([
            ("name", .string(setup.name)),
            ("mechanism", .string(setup.mechanism.rawValue)),
            (
                "deadline",
                .object([
                    ("rounds", deadline.rounds.map(JSONValue.int) ?? .null),
                    ("seconds", number(deadline.seconds)),
                ])
            ),
            ("repetitions", .int(setup.repetitions)),
            ("roles", .string(setup.roles.rawValue)),
            ("selfPlay", .bool(setup.selfPlay)),
            ("seed", .string(String(setup.seed))),
            ("timeLimit", number(setup.timeLimit)),
            ("agents", agents),
            ("scenarios", strings(summary.scenarios)),
        ])
    }

    /// How many negotiations the plan holds, how many were planned here and recorded, and how they ended.
    func negotiationsJSON() -> JSONValue {
        .object([
            ("plan", .int(setup.negotiations)), ("planned", .int(setup.planned)),
            ("recorded", .int(summary.negotiations)),
            ("agreements", .int(summary.agreements)), ("failures", .int(summary.failures)),
        ])
    }

    /// One object per competitor, in rank order.
    func standingsJSON() -> JSONValue {
        let better = significantlyBetter
        let worse = significantlyWorse
        return .array(
            summary.standings.enumerated().map { k, standing in
                let heat = summary.heat.indices.contains(k) ? summary.heat[k] : []
                return .object([
                    ("rank", .int(standing.rank)),
                    ("agent", .string(standing.agent)),
                    ("samples", .int(standing.samples)),
                    ("meanUtility", number(standing.meanUtility)),
                    ("lower", number(standing.lower)),
                    ("upper", number(standing.upper)),
                    ("agreementRate", number(standing.agreementRate)),
                    ("meanWelfare", number(standing.meanWelfare)),
                    ("meanParetoDistance", number(standing.meanParetoDistance)),
                    ("meanNashDistance", number(standing.meanNashDistance)),
                    ("failures", .int(standing.failures)),
                    ("significantlyBetterThan", strings(better[standing.agent] ?? [])),
                    ("significantlyWorseThan", strings(worse[standing.agent] ?? [])),
                    (
                        "meanUtilityByScenario",
                        .array(summary.scenarios.indices.map { number(heat.indices.contains($0) ? heat[$0] : nil) })
                    ),
                ])
            })
    }

    /// Welch's test between two competitors.
    func comparisonJSON(_ comparison: TournamentSummary.Comparison) -> JSONValue {
        .object([
            ("first", .string(comparison.first)),
            ("second", .string(comparison.second)),
            ("difference", number(comparison.difference)),
            ("t", number(comparison.t)),
            ("degreesOfFreedom", number(comparison.degreesOfFreedom)),
            ("p", number(comparison.p)),
            ("significant", .bool(comparison.isSignificant)),
        ])
    }
}

/// A number, or null when there is none.
private func number(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }

/// An array of strings.
private func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }
