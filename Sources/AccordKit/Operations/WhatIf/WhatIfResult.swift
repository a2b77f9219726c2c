/// The result of a ``WhatIfRequest``: the exact analysis of the changed scenario and the changes applied.
///
/// Its JSON document holds, in the shapes of `accord analyze --format json` (docs/cli.md): `accord`, `scenario`,
/// `changes` (``WhatIfChanges/json``), `parties` (with the reservation values analysed), `issues`,
/// `outcomeCount`, `analysedOutcomeCount`, `zoneIsEmpty`, `agreementZone`, `pareto`, `solutions`, `extremes`,
/// `blocking` (always present: empty when the zone is not), `coalitions`, `sensitivity` (its `reservations`
/// thresholds only: the sweep does not run) and `notes`. The text and Markdown reports are `accord analyze`'s
/// after a list of the changes; the HTML report is `accord analyze`'s.
public struct WhatIfResult: OperationResult {
    /// The analysis of the changed scenario.
    public var report: AnalysisReport
    /// The changes applied.
    public var changes: WhatIfChanges

    /// Creates the result.
    public init(report: AnalysisReport, changes: WhatIfChanges) {
        self.report = report
        self.changes = changes
    }

    public func render(_ format: ReportFormat) -> String {
        switch format {
        case .json: json().serialized() + "\n"
        case .text: changesText(bullet: "  ") + report.render(.text)
        case .markdown: changesText(bullet: "- ") + report.render(.markdown)
        case .html: report.render(.html)
        }
    }

    /// The result document.
    public func json() -> JSONValue {
        let analysis = report.analysis
        let notes = (analysis.scenario.notes + analysis.notes).filter { $0 != analysis.skipped.sensitivity?.note }
        return .object([
            ("accord", .int(1)),
            ("scenario", report.scenarioJSON()),
            ("changes", changes.json),
            ("parties", report.partiesJSON()),
            ("issues", report.issuesJSON()),
            ("outcomeCount", .number(analysis.outcomeCount)),
            ("analysedOutcomeCount", .int(analysis.analysedCount)),
            ("zoneIsEmpty", .bool(analysis.zone.count == 0)),
            ("agreementZone", report.zoneJSON()),
            ("pareto", report.paretoJSON()),
            ("solutions", report.solutionsJSON()),
            ("extremes", report.extremesJSON()),
            ("blocking", report.blockingJSON()),
            ("coalitions", report.coalitionsJSON()),
            ("sensitivity", .object([("reservations", report.reservationThresholdsJSON())])),
            ("notes", .array(notes.map(JSONValue.string))),
        ])
    }

    /// The changes as a short list before a readable report (nothing when there are none).
    private func changesText(bullet: String) -> String {
        guard !changes.isEmpty else { return "" }
        return "What if:\n" + changes.lines.map { bullet + $0 + "\n" }.joined() + "\n"
    }
}
