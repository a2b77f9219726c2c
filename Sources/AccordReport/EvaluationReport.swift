import AccordCore
import AccordFormats

/// Renders the judgement of one package (`accord evaluate`): every party's utility, margin and verdict at the
/// scenario's nominal values and, when draws were asked for, the probability that each party accepts it.
public struct EvaluationReport: Sendable {
    /// The scenario.
    public let scenario: Scenario
    /// The judgement at nominal values.
    public let evaluation: ProposalEvaluation
    /// The Monte Carlo acceptance of the judged package, when draws were asked for.
    public let acceptance: PackageAcceptance?

    /// Creates the report of an evaluation and, optionally, of its Monte Carlo acceptance.
    public init(scenario: Scenario, evaluation: ProposalEvaluation, acceptance: PackageAcceptance? = nil) {
        self.scenario = scenario
        self.evaluation = evaluation
        self.acceptance = acceptance
    }

    /// The report in the requested format, ending with a newline.
    public func render(_ format: ReportFormat) -> String {
        switch format {
        case .json: return json().serialized() + "\n"
        case .text: return document().text()
        case .markdown: return document().markdown()
        case .html: return HTMLPage.page(title: scenario.name, body: document().html { _ in nil }.body)
        }
    }

    /// Which values the verdicts use: a sentence when the scenario has uncertain numbers, `nil` otherwise.
    public var valuesNote: String? {
        guard let acceptance else {
            return scenario.nominalValuesNote(
                use: "this evaluation", consequence: "Add --samples N for the probability that each party accepts.")
        }
        let draws = "\(formatCount(Double(acceptance.samples))) draws (seed \(acceptance.seed))"
        return scenario.nominalValuesNote(
            use: "the table above",
            consequence: "The probabilities below come from \(draws) of the uncertain numbers.")
            ?? "No party has uncertain numbers: the \(draws) all give the verdicts above."
    }

    func document() -> ReportDocument {
        var doc = ReportDocument()
        doc.title("\(scenario.name): \(scenario.space.describe(evaluation.outcome))")
        if !evaluation.isComplete {
            doc.paragraph(
                "Open issues: \(evaluation.openIssues.map { scenario.issues[$0].id }.joined(separator: ", ")). "
                    + "\(formatCount(Double(evaluation.acceptableCompletionCount))) of \(formatCount(Double(evaluation.completionCount))) completions are acceptable to every party; the best completion is judged."
            )
        }
        var table = TextTable(["party", "utility", "reservation", "margin", "verdict"], rightAligned: [1, 2, 3])
        for (p, party) in scenario.parties.enumerated() {
            table.add([
                party.name, fixed(evaluation.utilities[p]), fixed(party.reservation), signed(evaluation.margins[p]),
                verdict(p),
            ])
        }
        doc.table(table)
        doc.paragraph(
            evaluation.isAcceptedByAll ? "Every party accepts this package." : "Not every party accepts this package.")
        if let valuesNote { doc.paragraph(valuesNote) }
        if let acceptance { addAcceptance(acceptance, to: &doc) }
        return doc
    }

    /// The verdict of party `p` at nominal values.
    func verdict(_ p: Int) -> String {
        evaluation.crossedRedLines[p].map { "rejects: red line \($0.describe(in: scenario.space))" }
            ?? (evaluation.accepted[p] ? "accepts" : "rejects: below reservation")
    }

    /// The acceptance probabilities: per uncertain party, and for every party at once; a certain party keeps its
    /// plain verdict.
    func addAcceptance(_ acceptance: PackageAcceptance, to doc: inout ReportDocument) {
        doc.heading("Acceptance under uncertainty")
        var table = TextTable(["party", "accepts with probability (95 % interval)"], rightAligned: [])
        for (p, party) in scenario.parties.enumerated() {
            table.add([
                party.name,
                acceptance.isUncertain[p]
                    ? percent(acceptance.parties[p]) : "\(verdict(p)) (no uncertain numbers)",
            ])
        }
        table.add(["all parties", percent(acceptance.all)])
        doc.table(table)
    }

    /// The JSON document: the judgement at nominal values, the parties with uncertain numbers, the note on the
    /// values used, and the acceptance probabilities (null without draws).
    func json() -> JSONValue {
        guard case .object(var fields) = ScenarioJSON(scenario: scenario).proposalJSON(evaluation) else { return .null }
        fields.append(("uncertainParties", .array(scenario.uncertainNumbers.map { .string($0.party.id) })))
        fields.append(("valuesNote", valuesNote.map(JSONValue.string) ?? .null))
        fields.append(("acceptance", acceptance.map(acceptanceJSON) ?? .null))
        return .object(fields)
    }

    func acceptanceJSON(_ acceptance: PackageAcceptance) -> JSONValue {
        let probability = { (probability: Probability) in
            JSONValue.object([
                ("p", .number(probability.estimate)), ("low", .number(probability.interval.lowerBound)),
                ("high", .number(probability.interval.upperBound)),
            ])
        }
        return .object([
            ("samples", .int(acceptance.samples)), ("seed", .string(String(acceptance.seed))),
            (
                "probability",
                .object(
                    zip(scenario.parties, acceptance.parties).map { ($0.id, probability($1)) }
                        + [("all", probability(acceptance.all))])
            ),
        ])
    }

    /// A probability as `12.3 % (11.7–12.9)`, with two decimals near 0 % and 100 %.
    func percent(_ probability: Probability) -> String {
        let interval = probability.interval
        let decimals = interval.upperBound < 0.01 || interval.lowerBound > 0.99 ? 2 : 1
        let value = { (x: Double) in fixed(100 * x, decimals) }
        return "\(value(probability.estimate)) % (\(value(interval.lowerBound))–\(value(interval.upperBound)))"
    }
}
