import AccordCore
import AccordFormats

/// JSON encodings of a scenario's parts (parties, issues, outcomes, judgements) shared by every report.
struct ScenarioJSON {
    let scenario: Scenario
    var space: OutcomeSpace { scenario.space }
    var parties: [Party] { scenario.parties }

    func partyJSON(_ party: Party) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("id", .string(party.id)), ("name", .string(party.name)), ("reservation", .number(party.reservation)),
        ]
        if let discount = party.discount { fields.append(("discount", .number(discount))) }
        fields.append(
            ("redLines", .array(party.redLines.map { .string($0.describe(in: space)) })))
        return .object(fields)
    }

    func issueJSON(_ issue: Issue, selected: [Int]) -> JSONValue {
        var fields: [(String, JSONValue)] = [("id", .string(issue.id)), ("name", .string(issue.name))]
        switch issue.kind {
        case .discrete(let options):
            fields.append(("kind", .string("options")))
            fields.append(("options", .array(options.map { .string($0.id) })))
        case .integer(let lower, let upper, let step):
            fields.append(("kind", .string("integer")))
            fields.append(("range", .array([.int(lower), .int(upper)])))
            fields.append(("step", .int(step)))
        case .real(let lower, let upper, let step):
            fields.append(("kind", .string("real")))
            fields.append(("range", .array([.number(lower), .number(upper)])))
            fields.append(("step", .number(step)))
        }
        if let unit = issue.unit { fields.append(("unit", .string(unit))) }
        if selected.count != issue.levelCount {
            fields.append(("analysedLevels", .array(selected.map { levelJSON(issue, $0) })))
        }
        return .object(fields)
    }

    func levelJSON(_ issue: Issue, _ level: Int) -> JSONValue {
        issue.isNumeric ? .number(issue.number(atLevel: level)) : .string(issue.label(ofLevel: level))
    }

    func outcomeJSON(_ outcome: Outcome) -> JSONValue {
        .object(zip(space.issues, outcome.levels).map { ($0.id, levelJSON($0, $1)) })
    }

    func utilitiesJSON(_ utilities: [Double]) -> JSONValue {
        .object(zip(parties, utilities).map { ($0.id, .number($1)) })
    }

    func scoredJSON(_ scored: ScoredOutcome) -> JSONValue {
        .object([("outcome", outcomeJSON(scored.outcome)), ("utilities", utilitiesJSON(scored.utilities))])
    }

    func blockingJSON(_ blocking: BlockingAnalysis) -> JSONValue {
        .object([
            ("party", .string(parties[blocking.party].id)),
            ("blocks", .bool(blocking.blocks)),
            ("zoneCountWithout", .int(blocking.zoneCountWithout)),
            ("packageWithout", blocking.packageWithout.map(scoredJSON) ?? .null),
            ("shortfall", blocking.shortfall.map(JSONValue.number) ?? .null),
            ("crossedRedLine", blocking.crossedRedLine.map { .string($0.describe(in: space)) } ?? .null),
        ])
    }

    func proposalJSON(_ evaluation: ProposalEvaluation) -> JSONValue {
        .object([
            ("id", .string(evaluation.id)),
            ("complete", .bool(evaluation.isComplete)),
            ("openIssues", .array(evaluation.openIssues.map { .string(space.issues[$0].id) })),
            ("outcome", outcomeJSON(evaluation.outcome)),
            ("utilities", utilitiesJSON(evaluation.utilities)),
            ("margins", utilitiesJSON(evaluation.margins)),
            ("accepted", .object(zip(parties, evaluation.accepted).map { ($0.id, .bool($1)) })),
            ("acceptedByAll", .bool(evaluation.isAcceptedByAll)),
            (
                "expired",
                .object(
                    evaluation.expiredIssues.map {
                        (space.issues[$0].id, levelJSON(space.issues[$0], evaluation.outcome.levels[$0]))
                    })
            ),
            (
                "crossedRedLines",
                .object(
                    zip(parties, evaluation.crossedRedLines).map {
                        ($0.id, $1.map { .string($0.describe(in: space)) } ?? .null)
                    })
            ),
            ("completions", .int(evaluation.completionCount)),
            ("acceptableCompletions", .int(evaluation.acceptableCompletionCount)),
        ])
    }

}
