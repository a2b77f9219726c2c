import AccordCore
import AccordFormats

/// Renders the judgement of one package (`accord evaluate`).
public struct EvaluationReport: Sendable {
    public let scenario: Scenario
    public let evaluation: ProposalEvaluation

    public init(scenario: Scenario, evaluation: ProposalEvaluation) {
        self.scenario = scenario
        self.evaluation = evaluation
    }

    public func render(_ format: ReportFormat) -> String {
        let shell = ScenarioJSON(scenario: scenario)
        switch format {
        case .json:
            return shell.proposalJSON(evaluation).serialized() + "\n"
        case .text, .markdown, .html:
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
                let verdict =
                    evaluation.crossedRedLines[p].map { "rejects: red line \($0.describe(in: scenario.space))" }
                    ?? (evaluation.accepted[p] ? "accepts" : "rejects: below reservation")
                table.add([
                    party.name, fixed(evaluation.utilities[p]), fixed(party.reservation), signed(evaluation.margins[p]),
                    verdict,
                ])
            }
            doc.table(table)
            doc.paragraph(
                evaluation.isAcceptedByAll
                    ? "Every party accepts this package." : "Not every party accepts this package.")
            switch format {
            case .text: return doc.text()
            case .html: return HTMLPage.page(title: scenario.name, body: doc.html { _ in nil }.body)
            default: return doc.markdown()
            }
        }
    }
}
