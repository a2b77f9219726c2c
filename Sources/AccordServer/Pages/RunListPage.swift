import AccordKit
import AccordReport
import AccordStore

/// `/runs`: the stored runs, newest first (optionally of one scenario or one kind), each linking its permalink,
/// and a form that opens two of them side by side.
struct RunListPage {
    let workspace: Workspace

    /// The page's HTML.
    func render(scenarioID: String?, kind: OperationKind?) async throws -> String {
        let runs = try await workspace.store.runs(
            matching: RunFilter(scenarioID: scenarioID, operation: kind, limit: 200))
        let rows = runs.map { run in
            let id = xmlEscaped(run.id)
            let scenario = run.scenarioID.map {
                "<a href=\"/scenarios/\(xmlEscaped($0))\">\(xmlEscaped($0))</a>"
            }
            return """
                <tr><td><label class="pick"><input type="checkbox" name="run" value="\(id)">\
                <span class="visually-hidden">Compare run \(id)</span></label></td>\
                <td><a href="/runs/\(id)"><code>\(id.prefix(8))</code></a></td>\
                <td>\(run.record.operation.rawValue)</td><td>\(scenario ?? "")</td>\
                <td class="status-\(run.record.status.rawValue)">\(run.record.status.rawValue)</td>\
                <td>\(ISO8601.string(run.record.startedAt))</td>\
                </tr>
                """
        }
        let filter = scenarioID.map { " of <code>\(xmlEscaped($0))</code>" } ?? ""
        let body = """
            <h1>Runs\(filter)</h1>
            <form id="compare" action="/runs/compare" method="get">
            <p>Tick two runs and compare them side by side. <button type="submit" id="compare-button">Compare</button></p>
            <div class="table"><table><thead><tr><th scope="col">Compare</th><th scope="col">Run</th><th scope="col">Kind</th>\
            <th scope="col">Scenario</th><th scope="col">Status</th><th scope="col">Started</th></tr></thead>
            <tbody>\(rows.joined(separator: "\n"))</tbody></table></div>
            </form>
            \(runs.isEmpty ? "<p>No runs yet.</p>" : "")
            """
        return PageLayout.document(title: "Runs", section: .runs, body: body, scripts: ["runs"])
    }
}
