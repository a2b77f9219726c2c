import AccordCore

extension AnalysisReport {
    /// The JSON contract (documented in docs/cli.md).
    public func json() -> JSONValue {
        var root: [(String, JSONValue)] = [
            ("accord", .int(1)),
            (
                "scenario",
                .object(
                    [("name", .string(scenario.name))]
                        + (scenario.description.map { [("description", .string($0))] } ?? []))
            ),
            ("parties", .array(parties.map(encoder.partyJSON))),
            (
                "issues",
                .array(space.issues.enumerated().map { encoder.issueJSON($1, selected: analysis.selection.levels[$0]) })
            ),
            ("outcomeCount", .number(analysis.outcomeCount)),
            ("analysedOutcomeCount", .int(analysis.analysedCount)),
            ("agreementZone", zoneJSON()),
            ("pareto", .array(analysis.frontier.map(encoder.scoredJSON))),
            ("solutions", solutionsJSON()),
            (
                "extremes",
                .object(
                    zip(parties, analysis.extremes).map { party, extremes in
                        (
                            party.id,
                            .object([
                                ("ideal", extremes.ideal.map(encoder.scoredJSON) ?? .null),
                                ("worst", encoder.scoredJSON(extremes.worst)),
                            ])
                        )
                    })
            ),
            ("blocking", .array(analysis.blocking.map(encoder.blockingJSON))),
            ("coalitions", .array(analysis.coalitions.map(coalitionJSON))),
            (
                "sensitivity",
                .object([
                    (
                        "reservations",
                        .array(
                            analysis.reservationThresholds.map { threshold in
                                .object([
                                    ("party", .string(parties[threshold.party].id)),
                                    ("current", .number(threshold.current)),
                                    ("threshold", threshold.threshold.map(JSONValue.number) ?? .null),
                                    ("slack", threshold.slack.map(JSONValue.number) ?? .null),
                                ])
                            })
                    ),
                    (
                        "parameters",
                        .array(
                            analysis.sensitivity.map { item in
                                .object([
                                    ("parameter", .string(parameterName(item.parameter))),
                                    ("current", .number(item.current)),
                                    ("zoneChangeBelow", item.zoneChangeBelow.map(JSONValue.number) ?? .null),
                                    ("zoneChangeAbove", item.zoneChangeAbove.map(JSONValue.number) ?? .null),
                                    (
                                        "nashStable",
                                        .array([
                                            .number(item.nashStable.lowerBound), .number(item.nashStable.upperBound),
                                        ])
                                    ),
                                ])
                            })
                    ),
                ])
            ),
            ("proposals", .array(analysis.proposals.map(proposalJSON))),
            ("gaps", gapsJSON()),
            ("notes", .array((scenario.notes + analysis.notes).map(JSONValue.string))),
        ]
        root.removeAll { $0.0 == "blocking" && analysis.blocking.isEmpty }
        if let parity {
            root.append(("opposition", .number(parity.opposition)))
            root.append(("distribution", .number(parity.distribution)))
        }
        if let acceptance {
            root.append(("samples", .int(acceptance.samples)))
            root.append(("seed", .string(String(acceptance.seed))))
            root.append(("zoneNonEmptyProbability", probabilityJSON(acceptance.zoneNonEmpty)))
            let packageProbability = { (entry: (outcome: Outcome, probability: Probability)) -> JSONValue in
                .object([
                    ("outcome", encoder.outcomeJSON(entry.outcome)),
                    ("probability", probabilityJSON(entry.probability)),
                ])
            }
            root.append(("mostRobust", .array(acceptance.mostRobust.map(packageProbability))))
            root.append(("zoneProbabilities", .array(acceptance.inZone.map(packageProbability))))
        }
        return .object(root)
    }

    /// `russia.reservation` or `us.weights.territory`.
    func parameterName(_ parameter: SensitivityParameter) -> String {
        switch parameter {
        case .reservation(let p): "\(parties[p].id).reservation"
        case .weight(let p, let issue): "\(parties[p].id).weights.\(space.issues[issue].id)"
        }
    }

    func coalitionJSON(_ coalition: CoalitionAnalysis) -> JSONValue {
        .object([
            ("parties", .array(coalition.parties.map { .string(parties[$0].id) })),
            ("zoneCount", .int(coalition.zoneCount)),
            ("best", coalition.best.map(encoder.scoredJSON) ?? .null),
        ])
    }

    func probabilityJSON(_ probability: Probability) -> JSONValue {
        .object([
            ("p", .number(probability.estimate)), ("low", .number(probability.interval.lowerBound)),
            ("high", .number(probability.interval.upperBound)),
        ])
    }

    /// A judged proposal, with its post-settlement improvements and, when there is uncertainty, its acceptance
    /// probabilities.
    func proposalJSON(_ evaluation: ProposalEvaluation) -> JSONValue {
        guard case .object(var fields) = encoder.proposalJSON(evaluation) else { return .null }
        fields.append(
            (
                "postSettlement",
                .array(
                    analysis.improvements(on: evaluation.outcome).map { improvement in
                        .object([
                            ("outcome", encoder.outcomeJSON(improvement.package.outcome)),
                            ("utilities", encoder.utilitiesJSON(improvement.package.utilities)),
                            ("gains", encoder.utilitiesJSON(improvement.gains)),
                        ])
                    })
            ))
        guard let sampled = acceptance?.proposals.first(where: { $0.id == evaluation.id }) else {
            return .object(fields)
        }
        fields.append(
            (
                "acceptanceProbability",
                .object(
                    zip(parties, sampled.parties).map { ($0.id, probabilityJSON($1)) }
                        + [("all", probabilityJSON(sampled.all))])
            ))
        return .object(fields)
    }

    func zoneJSON() -> JSONValue {
        let zone = analysis.zone
        var fields: [(String, JSONValue)] = [
            ("count", .int(zone.count)),
            ("outcomes", .array(zone.outcomes.map(encoder.scoredJSON))),
            ("complete", .bool(zone.outcomes.count == zone.count)),
            ("countIsExact", .bool(!analysis.isReduced)),
        ]
        if let closest = zone.closest, let margin = zone.closestMargin {
            fields.append(
                (
                    "closest",
                    .object([
                        ("outcome", encoder.outcomeJSON(closest.outcome)),
                        ("utilities", encoder.utilitiesJSON(closest.utilities)),
                        ("minimumMargin", .number(margin)),
                    ])
                ))
        } else {
            fields.append(("closest", .null))
        }
        return .object(fields)
    }

    func solutionsJSON() -> JSONValue {
        let s = analysis.solutions
        return .object([
            ("nash", s.nash.map(encoder.scoredJSON) ?? .null),
            ("kalaiSmorodinsky", s.kalaiSmorodinsky.map(encoder.scoredJSON) ?? .null),
            ("geniusKalai", s.geniusKalaiSmorodinsky.map(encoder.scoredJSON) ?? .null),
            ("utilitarian", s.utilitarian.map(encoder.scoredJSON) ?? .null),
            ("egalitarian", s.egalitarian.map(encoder.scoredJSON) ?? .null),
        ])
    }

    func gapsJSON() -> JSONValue {
        .array(
            space.issues.indices.map { issue in
                let issueGaps = analysis.gaps.filter { $0.issue == issue }
                return .object([
                    ("issue", .string(space.issues[issue].id)),
                    (
                        "pairs",
                        .array(
                            issueGaps.map { gap in
                                .object([
                                    (
                                        "parties",
                                        .array([.string(parties[gap.partyA].id), .string(parties[gap.partyB].id)])
                                    ),
                                    (
                                        "preferred",
                                        .object([
                                            (
                                                parties[gap.partyA].id,
                                                encoder.levelJSON(space.issues[issue], gap.preferredA)
                                            ),
                                            (
                                                parties[gap.partyB].id,
                                                encoder.levelJSON(space.issues[issue], gap.preferredB)
                                            ),
                                        ])
                                    ),
                                    ("gap", .number(gap.gap)),
                                    ("distance", gap.distance.map(JSONValue.number) ?? .null),
                                ])
                            })
                    ),
                ])
            })
    }
}
