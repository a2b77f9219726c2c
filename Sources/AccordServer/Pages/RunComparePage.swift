import AccordKit
import AccordReport
import AccordStore

/// `/runs/compare?a=…&b=…`: two runs side by side — their facts, their key numbers in one table, and their charts
/// in two columns (one above the other on a narrow screen).
struct RunComparePage {
    let workspace: Workspace

    /// The page's HTML.
    func render(first: String, second: String) async throws -> String {
        var runs: [StoredRun] = []
        for id in [first, second] {
            guard let run = try await workspace.store.run(id: id) else {
                throw Problem.notFound("there is no run '\(id.cut())'.")
            }
            runs.append(run)
        }
        let columns = runs.map { run in
            let charts = StandaloneChart.charts(inHTML: run.reports["html"] ?? "").map { chart in
                "<figure>"
                    + chart.svg.replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", with: "")
                    + "</figure>"
            }
            return """
                <section class="column" aria-label="Run \(xmlEscaped(String(run.id.prefix(8))))">
                <h2><a href="/runs/\(xmlEscaped(run.id))">\(run.record.operation.rawValue) \
                <code>\(xmlEscaped(String(run.id.prefix(8))))</code></a></h2>
                \(RunPage.facts(run))
                <div class="charts">\(charts.joined(separator: "\n"))</div>
                </section>
                """
        }
        let body = """
            <h1>Two runs side by side</h1>
            \(Self.numbers(runs))
            <div class="compare">\(columns.joined(separator: "\n"))</div>
            """
        return PageLayout.document(title: "Compare runs", section: .runs, body: body)
    }

    /// The key numbers of both runs in one table.
    static func numbers(_ runs: [StoredRun]) -> String {
        let results = runs.map { run in run.record.result.flatMap { try? JSONValue(parsing: $0) } ?? .null }
        let rows: [(String, (JSONValue) -> String?)] = [
            ("Packages", { $0["outcomeCount"]?.scalarText }),
            ("Agreement zone", { $0["agreementZone"]?["count"]?.scalarText }),
            ("Pareto frontier", { $0["pareto"]?.items.map { String($0.count) } }),
            ("Nash solution", { $0["solutions"].map { ($0["nash"] ?? .null) == .null ? "none" : "exists" } }),
            ("Ending", { $0["ending"]?.scalarText }),
            ("Rounds", { $0["round"]?.scalarText }),
            ("Welfare", { $0["welfare"]?.scalarText }),
        ]
        let lines = rows.compactMap { label, value -> String? in
            let cells = results.map(value)
            guard cells.contains(where: { $0 != nil }) else { return nil }
            return "<tr><th scope=\"row\">\(label)</th>"
                + cells.map { "<td class=\"num\">\(xmlEscaped($0 ?? "—"))</td>" }.joined() + "</tr>"
        }
        let heads = runs.map { "<th scope=\"col\"><code>\(xmlEscaped(String($0.id.prefix(8))))</code></th>" }
        return "<div class=\"table\"><table id=\"compare-numbers\"><thead><tr><th scope=\"col\">Number</th>"
            + heads.joined() + "</tr></thead><tbody>" + lines.joined() + "</tbody></table></div>"
    }
}
