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
    public func json() -> JSONValue { .object(members(pareto: report.paretoJSON())) }

    /// `json().serialized(indent: 0)`, the compact document, written faster: the frontier, most of its bytes, is
    /// written straight to text rather than through a JSON tree.
    public func compactJSON() -> String { String(decoding: compactJSONBytes(), as: UTF8.self) }

    /// ``compactJSON()``'s UTF-8 bytes, as a server sends them, without making a string of them first.
    public func compactJSONBytes() -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(64 * 1024)
        let members = members(pareto: .null).map { member in
            (
                key: member.key,
                write: member.key == "pareto"
                    ? { (output: inout [UInt8]) in report.writeParetoJSON(into: &output) }
                    : { (output: inout [UInt8]) in member.value.write(compactTo: &output) }
            )
        }
        JSONValue.writeCompactObject(members, into: &output)
        return output
    }

    /// The document's members, with `pareto` as given.
    private func members(pareto: JSONValue) -> [JSONValue.Member] {
        let analysis = report.analysis
        let notes = (analysis.scenario.notes + analysis.notes).filter { $0 != analysis.skipped.sensitivity?.note }
        return [
            ("accord", .int(1)),
            ("scenario", report.scenarioJSON()),
            ("changes", changes.json),
            ("parties", report.partiesJSON()),
            ("issues", report.issuesJSON()),
            ("outcomeCount", .number(analysis.outcomeCount)),
            ("analysedOutcomeCount", .int(analysis.analysedCount)),
            ("zoneIsEmpty", .bool(analysis.zone.count == 0)),
            ("agreementZone", report.zoneJSON()),
            ("pareto", pareto),
            ("solutions", report.solutionsJSON()),
            ("extremes", report.extremesJSON()),
            ("blocking", report.blockingJSON()),
            ("coalitions", report.coalitionsJSON()),
            ("sensitivity", .object([("reservations", report.reservationThresholdsJSON())])),
            ("notes", .array(notes.map(JSONValue.string))),
        ]
    }

    /// The changes as a short list before a readable report (nothing when there are none).
    private func changesText(bullet: String) -> String {
        guard !changes.isEmpty else { return "" }
        return "What if:\n" + changes.lines.map { bullet + $0 + "\n" }.joined() + "\n"
    }
}
