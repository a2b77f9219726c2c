import AccordKit
import AccordReport
import AccordStore

/// The analysis dashboard of one stored analysis: the report's sections (its HTML, whose charts AccordReport
/// draws) with the utility-space chart made interactive by `dashboard.js` — hover or focus a point for its package
/// and every party's utility, click or press Enter to evaluate it.
struct AnalysisDashboard {
    let run: StoredRun
    /// The ids of the parties on the utility square's axes, when known.
    let pair: (String, String)?

    /// The dashboard section.
    func render() -> String {
        let id = xmlEscaped(run.id)
        let finished = run.record.finishedAt.map { ISO8601.string($0) } ?? ""
        var report = ReportEmbed.body(ofReport: run.reports["html"] ?? "")
        if let pair {
            report = report.replacingOccurrences(
                of: "<figure id=\"chart-utility-space\"",
                with: "<figure id=\"chart-utility-space\" class=\"interactive\" data-run=\"\(id)\" "
                    + "data-x=\"\(xmlEscaped(pair.0))\" data-y=\"\(xmlEscaped(pair.1))\"")
        }
        return """
            <section aria-labelledby="dashboard-heading" id="dashboard">
            <h2 id="dashboard-heading">Analysis</h2>
            <p>Run <a href="/runs/\(id)"><code>\(id)</code></a>, finished \(xmlEscaped(finished)). \
            Hover or focus a point of the utility space for its package; click it or press Enter to evaluate it.</p>
            <div id="point-info" class="point-info" role="status" aria-live="polite">No point chosen.</div>
            <div class="report">\(report)</div>
            </section>
            """
    }

    /// The pair of parties of the run's utility-space chart: the one its request named, else the pair whose names
    /// make the chart's title.
    static func plottedPair(of run: StoredRun, parties: [(id: String, name: String)]) -> (String, String)? {
        if let parameters = try? JSONValue(parsing: run.record.parameters),
            case .array(let plot)? = parameters["plot"], plot.count == 2,
            case .string(let x) = plot[0], case .string(let y) = plot[1]
        {
            return (x, y)
        }
        let html = run.reports["html"] ?? ""
        for first in parties {
            for second in parties where second.id != first.id {
                let title = "<title>Utility space: \(xmlEscaped(first.name)) and \(xmlEscaped(second.name))"
                if html.contains(title + "</title>") { return (first.id, second.id) }
            }
        }
        return nil
    }
}
