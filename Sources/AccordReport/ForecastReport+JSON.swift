import AccordForecast
import AccordFormats

extension ForecastReport {
    /// The JSON contract of `accord forecast` (documented in docs/cli.md). Arrays over actors follow
    /// `scenario.actors`, arrays over dimensions follow `scenario.dimensions`; positions are on 0–100.
    public func json() -> JSONValue {
        .object([
            ("scenario", scenarioJSON()),
            ("model", .string("KTAB spatial model of politics")),
            ("parameters", parametersJSON()),
            ("turnCount", .int(forecast.turnCount)),
            (
                "stop",
                .object([
                    ("reason", .string(forecast.stopReason.rawValue)),
                    ("lastFractionalChange", .number(forecast.fractionalChanges.last ?? 0)),
                    ("stoppingRatio", .number(parameters.stoppingRatio)),
                ])
            ),
            ("forecast", forecastJSON()),
            (
                "baselines",
                .object([
                    ("weightedMean", optionalNumbers(baselines.weightedMeans)),
                    ("weightedMedian", optionalNumbers(baselines.weightedMedians)),
                    ("expectedUtility", optionalNumbers(expectedUtility.forecasts)),
                    ("expectedUtilityModel", expectedUtilityJSON()),
                ])
            ),
            ("states", statesJSON()),
        ])
    }

    /// The scenario: its dimensions and every actor's capability, positions and saliences.
    func scenarioJSON() -> JSONValue {
        let actors = JSONValue.array(
            scenario.actors.map { actor in
                .object([
                    ("name", .string(actor.name)), ("description", .string(actor.description)),
                    ("capability", .number(actor.capability)), ("positions", numbers(actor.positions)),
                    ("saliences", numbers(actor.saliences)),
                ])
            })
        return .object([
            ("name", .string(scenario.name)), ("description", .string(scenario.description)),
            ("dimensions", .array(scenario.dimensions.map(JSONValue.string))), ("actors", actors),
        ])
    }

    /// The model's switches, turn limits, stopping ratio and seed.
    func parametersJSON() -> JSONValue {
        var pairs = Self.switches(of: parameters).map { ($0.name, JSONValue.string($0.value)) }
        pairs += [
            ("maximumTurns", .int(parameters.maximumTurns)), ("minimumTurns", .int(parameters.minimumTurns)),
            ("stoppingRatio", .number(parameters.stoppingRatio)),
            ("seed", effectiveSeed.map { JSONValue.string(String($0)) } ?? .null),
        ]
        return .object(pairs)
    }

    /// The final state read as a forecast: expected position, clusters and distinct positions.
    func forecastJSON() -> JSONValue {
        .object([
            ("expectedPosition", numbers(outcome.expectedPosition)),
            ("mostLikelyCluster", clusterJSON(outcome.mostLikelyCluster)),
            ("clusterDistance", .number(outcome.clusterDistance)),
            (
                "distinctPositions",
                .array(
                    outcome.distinctPositions.map { p in
                        .object([
                            ("actors", actorNames(p.actors)), ("position", numbers(p.position)),
                            ("probability", .number(p.probability)),
                        ])
                    })
            ),
            ("clusters", .array(outcome.clusters.map(clusterJSON))),
            ("inIssueUnits", issueUnitsJSON()),
        ])
    }

    func clusterJSON(_ c: SpatialOutcome.Cluster) -> JSONValue {
        .object([
            ("actors", actorNames(c.actors)), ("centre", numbers(c.centre)),
            ("probability", .number(c.probability)),
            ("distinctPositions", .array(c.positions.map(JSONValue.int))),
        ])
    }

    /// Every turn's positions, winning probabilities and fractional change.
    func statesJSON() -> JSONValue {
        .array(
            forecast.positions.indices.map { t in
                .object([
                    ("turn", .int(t)),
                    ("fractionalChange", t == 0 ? .null : .number(forecast.fractionalChanges[t - 1])),
                    ("positions", .array(forecast.positions[t].map(numbers))),
                    ("winningProbabilities", numbers(forecast.winningProbabilities[t])),
                ])
            })
    }

    func actorNames(_ actors: [Int]) -> JSONValue { .array(actors.map { .string(scenario.actors[$0].name) }) }
}

extension ForecastReport {
    /// The Bueno de Mesquita baseline in full: its parameters and, per dimension, the run round by round (null for a
    /// dimension every actor gives zero salience).
    func expectedUtilityJSON() -> JSONValue {
        let parameters = expectedUtility.parameters
        let runs = expectedUtility.runs.map { run -> JSONValue in
            guard let run else { return .null }
            let moves = run.moves.map { round in
                JSONValue.array(
                    round.enumerated().compactMap { i, move in
                        move.map { move in
                            .object([
                                ("actor", .string(scenario.actors[i].name)),
                                ("rival", .string(scenario.actors[move.rival].name)),
                                ("kind", .string(move.kind.rawValue)), ("position", .number(move.position)),
                            ])
                        }
                    })
            }
            return .object([
                ("forecast", .number(run.forecast)), ("roundCount", .int(run.roundCount)),
                ("stopReason", .string(run.stopReason.rawValue)),
                ("medianVoterPositions", numbers(run.medianVoterPositions)),
                ("positions", .array(run.positions.map(numbers))),
                ("riskExponents", .array(run.riskExponents.map(numbers))), ("moves", .array(moves)),
            ])
        }
        return .object([
            ("model", .string("Bueno de Mesquita expected utility (Scholz, Calbert & Smith 2011)")),
            (
                "parameters",
                .object([
                    ("statusQuoProbability", .number(parameters.statusQuoProbability)),
                    ("improvementProbability", .number(parameters.improvementProbability)),
                    ("maximumRounds", .int(parameters.maximumRounds)),
                ])
            ),
            ("dimensions", .array(runs)),
        ])
    }
}

private func numbers(_ values: [Double]) -> JSONValue { .array(values.map(JSONValue.number)) }

private func optionalNumbers(_ values: [Double?]) -> JSONValue {
    .array(values.map { $0.map(JSONValue.number) ?? .null })
}
