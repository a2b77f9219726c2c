import AccordCore
import AccordFormats
import AccordNegotiation

extension SimulationReport {
    /// The JSON contract of `accord simulate` (documented in docs/cli.md): the setup, the ending, the agreement and
    /// every party's utility, the distances to the frontier and the Nash package, the expiries, the counterfactual
    /// without them (`withoutExpiry`), and the trace: whole up to ``SessionTrace/defaultExcerpt`` actions at each
    /// end, else the first and the last of them with `traceCounts`.
    public func json() -> JSONValue {
        let shell = ScenarioJSON(scenario: scenario)
        var scenarioFields: [(String, JSONValue)] = [("name", .string(scenario.name))]
        if let description = scenario.description { scenarioFields.append(("description", .string(description))) }
        let deadline = configuration.deadline
        let nash: JSONValue = nashOutcome.map { scoredJSON($0, shell) } ?? .null
        let partyObjects = parties.indices.map { p -> JSONValue in
            let margin = result.agreement.map { domain.utilities[p][$0] - parties[p].reservation }
            return .object([
                ("id", .string(parties[p].id)), ("name", .string(parties[p].name)),
                ("atTable", .bool(participants.contains(p))),
                ("agent", agent(of: p).map { .string($0.description) } ?? .null),
                ("reservation", .number(parties[p].reservation)),
                ("utility", .number(result.utilities[p])),
                ("discountedUtility", .number(result.discountedUtilities[p])),
                ("margin", margin.map(JSONValue.number) ?? .null),
                ("accepts", result.agreement.map { .bool(accepts($0, party: p)) } ?? .null),
                (
                    "crossedRedLine",
                    result.agreement.flatMap { crossedRedLine($0, party: p) }.map {
                        .string($0.describe(in: scenario.space))
                    } ?? .null
                ),
            ])
        }
        let expired = JSONValue.array(
            expiries.map { expiry in
                .object([
                    ("round", .int(expiry.round)), ("t", .number(expiry.t)),
                    ("options", .array(expiry.options.map(JSONValue.string))),
                    ("withdrawn", expiry.withdrawn.map { outcomeJSON($0, shell) } ?? .null),
                ])
            })
        let counterfactual: JSONValue =
            withoutExpiry.map { other in
                .object(endingFields(other, shell) + resultFields(other, shell))
            } ?? .null
        var fields: [(String, JSONValue)] = [
            ("accord", .int(1)),
            ("scenario", .object(scenarioFields)),
            ("mechanism", .string(configuration.mechanism.rawValue)),
            ("participants", .array(participants.map { .string(parties[$0].id) })),
            ("mediator", mediatorID.map(JSONValue.string) ?? .null),
            (
                "agents",
                .object(
                    participants.indices.map { (parties[participants[$0]].id, .string(session.agents[$0].description)) }
                )
            ),
            (
                "deadline",
                .object([
                    ("rounds", deadline.rounds.map(JSONValue.int) ?? .null),
                    ("seconds", deadline.seconds.map(JSONValue.number) ?? .null),
                ])
            ),
            ("seed", .string(String(configuration.seed))),
        ]
        fields += endingFields(result, shell)
        fields += resultFields(result, shell)
        fields += [
            ("paretoDistance", paretoDistance.map(JSONValue.number) ?? .null),
            ("nashDistance", nashDistance.map(JSONValue.number) ?? .null),
            ("nash", nash),
            ("parties", .array(partyObjects)),
            ("expired", expired),
            ("withoutExpiry", counterfactual),
            ("notes", .array(notes.map(JSONValue.string))),
            ("traceTruncated", .bool(!result.trace.isComplete)),
        ]
        if !result.trace.isComplete { fields.append(("traceCounts", traceCountsJSON())) }
        let encoder = TraceEncoder(domain: domain)
        fields.append(("trace", .array(result.trace.map(encoder.json))))
        return .object(fields)
    }

    /// The kept trace as JSON Lines (every action when the trace is complete): one compact object per action, each
    /// line ending with a newline. To write every action of a long session, stream them with a ``TraceEncoder``.
    public func traceLines() -> String {
        let encoder = TraceEncoder(domain: domain)
        var text = ""
        for event in result.trace {
            text += encoder.line(event)
            text += "\n"
        }
        return text
    }

    /// The number of actions of a cut trace, in all (`actions`), left out (`omitted`) and by kind.
    private func traceCountsJSON() -> JSONValue {
        let trace = result.trace
        let kinds: [TraceEvent.Kind] = [.offer, .accept, .object, .expire, .end]
        return .object(
            [("actions", .int(trace.actionCount)), ("omitted", .int(trace.omittedCount))]
                + kinds.map { ($0.rawValue, .int(trace.count(of: $0))) })
    }

    private func endingFields(_ result: SessionResult, _ shell: ScenarioJSON) -> [(String, JSONValue)] {
        var reason: JSONValue = .null
        if case .violation(_, let text) = result.ending { reason = .string(text) }
        if case .agentFailed(_, let text) = result.ending { reason = .string(text) }
        return [
            ("ending", .string(Self.endingName(result.ending))),
            ("endedBy", endedBy(result.ending).map { .string(parties[$0].id) } ?? .null),
            ("violation", reason),
        ]
    }

    private func resultFields(_ result: SessionResult, _ shell: ScenarioJSON) -> [(String, JSONValue)] {
        [
            ("agreement", result.agreement.map { outcomeJSON($0, shell) } ?? .null),
            ("round", .int(result.round)),
            ("t", .number(result.t)),
            ("utilities", shell.utilitiesJSON(result.utilities)),
            ("discountedUtilities", shell.utilitiesJSON(result.discountedUtilities)),
            ("welfare", .number(result.welfare)),
        ]
    }

    func outcomeJSON(_ outcome: Int, _ shell: ScenarioJSON) -> JSONValue {
        shell.outcomeJSON(domain.outcome(outcome))
    }

    func utilitiesJSON(of outcome: Int, _ shell: ScenarioJSON) -> JSONValue {
        shell.utilitiesJSON(parties.indices.map { domain.utilities[$0][outcome] })
    }

    func scoredJSON(_ outcome: Int, _ shell: ScenarioJSON) -> JSONValue {
        .object([("outcome", outcomeJSON(outcome, shell)), ("utilities", utilitiesJSON(of: outcome, shell))])
    }
}
