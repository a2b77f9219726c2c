import AccordKit
import AccordReport

/// `/`: the scenarios, stored and bundled, each with links to its editor, what-if and simulation pages, and a
/// form to upload one (Accord YAML or JSON, or the files of a GENIUS or GeniusWeb domain).
struct ScenarioListPage {
    let workspace: Workspace

    /// The page's HTML.
    func render() async throws -> String {
        let (bundled, stored) = try await workspace.scenarioList()
        let body = """
            <h1>Scenarios</h1>
            \(Self.uploadForm)
            <section aria-labelledby="stored-heading"><h2 id="stored-heading">Your scenarios</h2>
            \(stored.isEmpty ? "<p>None yet: upload one, or start from a bundled scenario below.</p>" : Self.table(stored))
            </section>
            <section aria-labelledby="bundled-heading"><h2 id="bundled-heading">Bundled scenarios</h2>
            \(Self.table(bundled))
            </section>
            """
        return PageLayout.document(title: "Scenarios", section: .scenarios, body: body, scripts: ["upload"])
    }

    /// The upload form; `upload.js` sends the files to `POST /api/v1/scenarios` and opens the new scenario.
    static let uploadForm = """
        <section aria-labelledby="upload-heading" class="card"><h2 id="upload-heading">Upload a scenario</h2>
        <form id="upload-form" class="upload">
        <label for="upload-files">An Accord scenario (.yaml, .yml or .json), or a GENIUS domain and its profiles \
        (.xml), or a GeniusWeb domain and its profiles (.json)</label>
        <input id="upload-files" name="files" type="file" multiple accept=".yaml,.yml,.json,.xml" required>
        <button type="submit">Upload</button>
        </form>
        <div id="upload-status" role="status" aria-live="polite"></div>
        <ul id="upload-problems" class="problems"></ul>
        </section>
        """

    /// A table of scenarios with their pages.
    static func table(_ scenarios: [WorkspaceScenario]) -> String {
        let rows = scenarios.map { scenario in
            let id = xmlEscaped(scenario.id)
            let version = scenario.version.map { "version \($0)" } ?? "bundled"
            return """
                <tr><td><a href="/scenarios/\(id)">\(xmlEscaped(scenario.name))</a></td>\
                <td><code>\(id)</code></td><td>\(version)</td>\
                <td class="actions"><a href="/scenarios/\(id)/what-if">What-if</a> \
                <a href="/scenarios/\(id)/simulate">Simulate</a> \
                <a href="/runs?scenario=\(id)">Runs</a></td></tr>
                """
        }
        return """
            <div class="table"><table><thead><tr><th scope="col">Name</th><th scope="col">Id</th>\
            <th scope="col">Version</th><th scope="col">Pages</th></tr></thead>
            <tbody>\(rows.joined(separator: "\n"))</tbody></table></div>
            """
    }
}
