import AccordCore
import AccordFormats

extension AnalysisReport {
    /// The JSON contract (documented in docs/cli.md).
    public func json() -> JSONValue {
        var root: [(String, JSONValue)] = [
            ("accord", .int(1)),
            ("scenario", scenarioJSON()),
            ("parties", partiesJSON()),
            ("issues", issuesJSON()),
            ("outcomeCount", .number(analysis.outcomeCount)),
            ("analysedOutcomeCount", .int(analysis.analysedCount)),
            ("agreementZone", zoneJSON()),
            ("pareto", paretoJSON()),
            ("solutions", solutionsJSON()),
            ("extremes", extremesJSON()),
            ("blocking", blockingJSON()),
            ("coalitions", coalitionsJSON()),
            ("sensitivity", sensitivityJSON()),
            ("skipped", skippedJSON()),
            ("proposals", .array(analysis.proposals.map(proposalJSON))),
            ("gaps", gapsJSON()),
            ("notes", .array((scenario.notes + analysis.notes).map(JSONValue.string))),
        ]
        root.removeAll { $0.0 == "blocking" && analysis.blocking.isEmpty }
        root += parityFields() + acceptanceFields()
        return .object(root)
    }

    /// The parties, with their reservation values, discounts and red lines (`parties`).
    package func partiesJSON() -> JSONValue { .array(parties.map(encoder.partyJSON)) }

    /// The issues, with the levels analysed when a round or date removed some (`issues`).
    package func issuesJSON() -> JSONValue {
        .array(space.issues.enumerated().map { encoder.issueJSON($1, selected: analysis.selection.levels[$0]) })
    }

    /// The whole Pareto frontier, in the analysis's order (`pareto`).
    package func paretoJSON() -> JSONValue { .array(analysis.frontier.map(encoder.scoredJSON)) }

    /// Appends `paretoJSON().serialized(indent: 0)` to `output`, written straight to text without a JSON tree
    /// (docs/performance.md measures the difference).
    package func writeParetoJSON(into output: inout [UInt8]) {
        ScoredOutcomeText(encoder).write(analysis.frontier, into: &output)
    }

    /// What leaving each party out does to an empty zone (`blocking`; empty when the zone is not).
    package func blockingJSON() -> JSONValue { .array(analysis.blocking.map(encoder.blockingJSON)) }

    /// Every coalition of two or more parties with its zone size and best package (`coalitions`).
    package func coalitionsJSON() -> JSONValue { .array(analysis.coalitions.map(coalitionJSON)) }

    /// The reservation value at which each party opens or closes the zone (`sensitivity.reservations`).
    package func reservationThresholdsJSON() -> JSONValue {
        .array(analysis.reservationThresholds.map(thresholdJSON))
    }

    /// The scenario's name and, when it has one, its description.
    package func scenarioJSON() -> JSONValue {
        .object(
            [("name", .string(scenario.name))] + (scenario.description.map { [("description", .string($0))] } ?? []))
    }

    /// Each party's ideal and worst outcomes, keyed by party id.
    package func extremesJSON() -> JSONValue {
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
    }

    /// The reservation thresholds and the one-at-a-time sweep.
    func sensitivityJSON() -> JSONValue {
        .object([
            ("reservations", reservationThresholdsJSON()),
            ("parameters", .array(analysis.sensitivity.map(parameterSensitivityJSON))),
        ])
    }

    func thresholdJSON(_ threshold: ReservationThreshold) -> JSONValue {
        .object([
            ("party", .string(parties[threshold.party].id)),
            ("current", .number(threshold.current)),
            ("threshold", threshold.threshold.map(JSONValue.number) ?? .null),
            ("slack", threshold.slack.map(JSONValue.number) ?? .null),
        ])
    }

    func parameterSensitivityJSON(_ item: ParameterSensitivity) -> JSONValue {
        .object([
            ("parameter", .string(parameterName(item.parameter))),
            ("current", .number(item.current)),
            ("zoneChangeBelow", item.zoneChangeBelow.map(JSONValue.number) ?? .null),
            ("zoneChangeAbove", item.zoneChangeAbove.map(JSONValue.number) ?? .null),
            ("nashStable", .array([.number(item.nashStable.lowerBound), .number(item.nashStable.upperBound)])),
        ])
    }

    /// GENIUS's opposition and bid distribution, when asked for.
    func parityFields() -> [(String, JSONValue)] {
        guard let parity else { return [] }
        return [("opposition", .number(parity.opposition)), ("distribution", .number(parity.distribution))]
    }

    /// The Monte Carlo acceptance analysis, when the scenario has uncertain numbers.
    func acceptanceFields() -> [(String, JSONValue)] {
        guard let acceptance else { return [] }
        let packageProbability = { (entry: (outcome: Outcome, probability: Probability)) -> JSONValue in
            .object([
                ("outcome", encoder.outcomeJSON(entry.outcome)),
                ("probability", probabilityJSON(entry.probability)),
            ])
        }
        return [
            ("samples", .int(acceptance.samples)),
            ("seed", .string(String(acceptance.seed))),
            ("uncertainParties", .array(acceptance.uncertainParties.map { .string(parties[$0].id) })),
            ("zoneNonEmptyProbability", probabilityJSON(acceptance.zoneNonEmpty)),
            (
                "trackedPackages",
                .object([
                    ("all", .bool(acceptance.tracksEveryPackage)),
                    ("count", .int(acceptance.trackedPackageCount)),
                    ("candidates", .int(acceptance.candidateCount)),
                    ("complete", .bool(acceptance.tracksEveryPossiblePackage)),
                ])
            ),
            ("mostRobust", .array(acceptance.mostRobust.map(packageProbability))),
            ("zoneProbabilities", .array(acceptance.inZone.map(packageProbability))),
        ]
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
        fields.append(
            (
                "uncertainAcceptance",
                .array(parties.indices.filter { sampled.isUncertain[$0] }.map { .string(parties[$0].id) })
            ))
        return .object(fields)
    }

    /// The agreement zone: its count, its best packages, and the closest package when it is empty
    /// (`agreementZone`).
    package func zoneJSON() -> JSONValue {
        let zone = analysis.zone
        var fields: [(String, JSONValue)] = [
            ("count", .int(zone.count)),
            ("outcomes", .array(zone.outcomes.map(zonePackageJSON))),
            ("order", .string(Self.zoneOrderJSON)),
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

    /// The bargaining solutions, `null` where the zone is empty (`solutions`).
    package func solutionsJSON() -> JSONValue {
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
                .object([
                    ("issue", .string(space.issues[issue].id)),
                    ("pairs", .array(analysis.gaps.filter { $0.issue == issue }.map(gapJSON))),
                ])
            })
    }

    /// One pair's gap on one issue, with each party's preferred level.
    func gapJSON(_ gap: PositionGap) -> JSONValue {
        let (a, b) = (parties[gap.partyA].id, parties[gap.partyB].id)
        let issue = space.issues[gap.issue]
        return .object([
            ("parties", .array([.string(a), .string(b)])),
            (
                "preferred",
                .object([(a, encoder.levelJSON(issue, gap.preferredA)), (b, encoder.levelJSON(issue, gap.preferredB))])
            ),
            ("gap", .number(gap.gap)),
            ("distance", gap.distance.map(JSONValue.number) ?? .null),
        ])
    }
}
