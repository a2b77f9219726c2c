import AccordKit
import AccordReport
import AccordStore

/// `/scenarios/{id}`: the scenario's text in an editor validated as you type (problems marked on their lines)
/// and saved as a new version, the form that analyses it, and the analysis dashboard of its latest analysis (or
/// of the run named by `?run=`): the report's sections with an interactive utility-space chart.
struct ScenarioPage {
    let workspace: Workspace

    /// The page's HTML.
    func render(id: String, runID: String?) async throws -> String {
        let scenario = try await workspace.scenario(id: id)
        let parties: [(id: String, name: String)] =
            (try? scenario.source.scenario().parties.map { (id: $0.id, name: $0.name) }) ?? []
        let run = try await analysisRun(scenarioID: scenario.id, runID: runID)
        let pair = run.flatMap { AnalysisDashboard.plottedPair(of: $0, parties: parties) }
        let id = xmlEscaped(scenario.id)
        let body = """
            <h1>\(xmlEscaped(scenario.name))</h1>
            <p class="links"><a href="#analyse-heading">Analysis</a> <a href="/scenarios/\(id)/what-if">What-if</a> \
            <a href="/scenarios/\(id)/simulate">Simulate</a> <a href="/runs?scenario=\(id)">Runs</a></p>
            \(Self.editor(scenario))
            \(Self.analysisForm(scenario, parties: parties, pair: pair, request: run?.request))
            \(run.map { AnalysisDashboard(run: $0, pair: pair).render() } ?? Self.noAnalysis)
            """
        return PageLayout.document(
            title: scenario.name, section: .scenarios, body: body, scripts: ["editor", "dashboard"])
    }

    /// The run to show: the one asked for (when it is an analysis of this scenario), else the latest succeeded one.
    private func analysisRun(scenarioID: String, runID: String?) async throws -> StoredRun? {
        if let runID, let run = try await workspace.store.run(id: runID), run.scenarioID == scenarioID,
            run.record.operation == .analyze, run.record.status == .succeeded
        {
            return run
        }
        let runs = try await workspace.store.runs(
            matching: RunFilter(scenarioID: scenarioID, operation: .analyze, limit: 20))
        return runs.first { $0.record.status == .succeeded }
    }

    static let noAnalysis = """
        <section aria-labelledby="dashboard-heading"><h2 id="dashboard-heading">Analysis</h2>
        <p id="no-analysis">No analysis of this scenario yet: press Analyse.</p></section>
        """

    /// The editor: a line gutter beside the text, the problems list, Save.
    static func editor(_ scenario: WorkspaceScenario) -> String {
        let version = scenario.version.map { "version \($0)" } ?? "bundled; saving stores version 2"
        return """
            <section aria-labelledby="editor-heading" class="card">
            <h2 id="editor-heading">Scenario text <small>(\(xmlEscaped(scenario.format)), \(version))</small></h2>
            <form id="editor" data-scenario="\(xmlEscaped(scenario.id))" \
            data-format="\(xmlEscaped(scenario.format))">
            <label for="scenario-text">Scenario (\(scenario.format == "json" ? "JSON" : "YAML"))</label>
            <div class="editor"><pre id="gutter" class="gutter" aria-hidden="true"></pre>
            <textarea id="scenario-text" name="text" spellcheck="false" rows="18" \
            aria-describedby="validation">\(xmlEscaped(scenario.text))</textarea></div>
            <p id="validation" role="status" aria-live="polite">Not checked yet.</p>
            <ul id="problems" class="problems"></ul>
            <button type="submit" id="save">Save</button> <span id="save-status" role="status"></span>
            </form></section>
            """
    }

    /// The analysis options (those of the analysis shown, when there is one) and the pair of parties for the
    /// utility square; another pair re-runs the analysis with the chart drawn for it.
    static func analysisForm(
        _ scenario: WorkspaceScenario, parties: [(id: String, name: String)], pair: (String, String)?,
        request: String?
    ) -> String {
        // The options of the analysis shown, so that picking another pair re-runs the same analysis.
        let options = request.flatMap { try? JSONValue(parsing: $0) }
        let value = { (name: String) -> String in
            guard let text = options?[name]?.scalarText, Int(text) != nil else { return "" }
            return " value=\"\(text)\""
        }
        let pick = { (name: String, label: String, chosen: String?) -> String in
            let options = parties.map { party in
                "<option value=\"\(xmlEscaped(party.0))\"\(party.0 == chosen ? " selected" : "")>"
                    + "\(xmlEscaped(party.1))</option>"
            }
            return "<label for=\"\(name)\">\(label)</label><select id=\"\(name)\" name=\"\(name)\">"
                + options.joined() + "</select>"
        }
        let first = pair?.0 ?? parties.first?.0
        let second = pair?.1 ?? (parties.count > 1 ? parties[1].0 : nil)
        return """
            <section aria-labelledby="analyse-heading" class="card"><h2 id="analyse-heading">Analyse</h2>
            <form id="analyse" class="grid" data-scenario="\(xmlEscaped(scenario.id))">
            <label for="round">Round</label><input id="round" name="round" type="number" min="0" \
            inputmode="numeric"\(value("round"))>
            <label for="samples">Samples</label>\
            <input id="samples" name="samples" type="number" min="1" placeholder="default" inputmode="numeric"\(value("samples"))>
            <label for="seed">Seed</label><input id="seed" name="seed" type="number" min="0" inputmode="numeric"\(value("seed"))>
            \(pick("plot-x", "Horizontal party", first))
            \(pick("plot-y", "Vertical party", second))
            <button type="submit">Analyse</button>
            </form><p id="analyse-status" role="status" aria-live="polite"></p></section>
            """
    }
}
