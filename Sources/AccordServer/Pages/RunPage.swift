import AccordKit
import AccordReport
import AccordStore

/// `/runs/{id}`: a run's permalink — what it ran, its status, the report's sections and every download: the JSON
/// document, the reports, each chart as SVG and the table as CSV.
struct RunPage {
    let workspace: Workspace

    /// The page's HTML.
    func render(id: String) async throws -> String {
        guard let run = try await workspace.store.run(id: id) else {
            throw Problem.notFound("there is no run '\(id.cut())'.")
        }
        let report = ReportEmbed.body(ofReport: run.reports["html"] ?? "")
        let running = run.record.status == .queued || run.record.status == .running
        let body = """
            <h1>\(xmlEscaped(run.record.operation.rawValue.capitalized)) run \
            <code>\(xmlEscaped(String(run.id.prefix(8))))</code></h1>
            \(Self.facts(run))
            \(running ? "<p id=\"run-live\" data-run=\"\(xmlEscaped(run.id))\" role=\"status\">Running…</p>" : "")
            <section aria-labelledby="downloads-heading"><h2 id="downloads-heading">Downloads</h2>
            \(Self.downloads(run))</section>
            <section aria-labelledby="report-heading"><h2 id="report-heading">Report</h2>
            <div class="report">\(report.isEmpty ? "<p>No report: the run is \(run.record.status.rawValue).</p>" : report)</div>
            </section>
            """
        return PageLayout.document(
            title: "Run \(run.id.prefix(8))", section: .runs, body: body, scripts: running ? ["runs"] : [])
    }

    /// The run's facts as a description list.
    static func facts(_ run: StoredRun) -> String {
        var items: [(String, String)] = [
            ("Id", "<code>\(xmlEscaped(run.id))</code>"),
            ("Status", "<span class=\"status-\(run.record.status.rawValue)\">\(run.record.status.rawValue)</span>"),
            ("Started", ISO8601.string(run.record.startedAt)),
            ("Finished", run.record.finishedAt.map(ISO8601.string) ?? "—"),
            ("Request", "<code>\(xmlEscaped(run.request))</code>"),
        ]
        if let scenario = run.scenarioID {
            let version = run.scenarioVersion.map { ", version \($0)" } ?? ""
            items.insert(
                (
                    "Scenario",
                    "<a href=\"/scenarios/\(xmlEscaped(scenario))\">\(xmlEscaped(scenario))</a>"
                        + version
                ), at: 1)
        }
        if let error = run.record.error { items.append(("Error", xmlEscaped(error))) }
        return "<dl class=\"facts\">" + items.map { "<dt>\($0.0)</dt><dd>\($0.1)</dd>" }.joined() + "</dl>"
    }

    /// Links to every download of the run.
    static func downloads(_ run: StoredRun) -> String {
        let id = xmlEscaped(run.id)
        var links: [String] = []
        if run.record.result != nil {
            links.append("<a href=\"/api/v1/runs/\(id)?format=json\" download=\"run-\(id).json\">JSON</a>")
        }
        for (format, label, ext) in [
            ("html", "HTML report", "html"), ("markdown", "Markdown", "md"), ("text", "Text", "txt"),
        ]
        where run.reports[format] != nil {
            links.append("<a href=\"/api/v1/runs/\(id)?format=\(format)\" download=\"run-\(id).\(ext)\">\(label)</a>")
        }
        for chart in StandaloneChart.charts(inHTML: run.reports["html"] ?? "") {
            let name = xmlEscaped(chart.name)
            links.append("<a href=\"/runs/\(id)/charts/\(name).svg\" download>Chart \(name) (SVG)</a>")
        }
        if let result = run.record.result.flatMap({ try? JSONValue(parsing: $0) }), let table = RunCSV.table(of: result)
        {
            links.append("<a href=\"/runs/\(id)/table.csv\" download=\"\(table.name)\">\(table.name) (CSV)</a>")
        }
        guard !links.isEmpty else { return "<p>Nothing to download yet.</p>" }
        return "<ul class=\"downloads\">" + links.map { "<li>\($0)</li>" }.joined() + "</ul>"
    }
}
