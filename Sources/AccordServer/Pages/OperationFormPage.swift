import AccordKit
import AccordReport

/// `/forecast` and `/tournament`: a form that starts a long run (`POST /api/v1/forecasts` or
/// `POST /api/v1/tournaments`), then follows its events with a live progress bar (`follow.js`) and links the
/// run's page — and so its report and ranking — when it ends.
struct OperationFormPage {
    let workspace: Workspace

    /// The forecast page: the scenario, the issues and the seed.
    func forecast() async throws -> String {
        let stored = try await workspace.store.scenarios().map(\.id)
        let ids = ScenarioLoader.bundledNames + stored.filter { !ScenarioLoader.bundledNames.contains($0) }
        let options = ids.map { id in
            "<option value=\"\(xmlEscaped(id))\"\(id == ScenarioLoader.defaultScenario ? " selected" : "")>"
                + "\(xmlEscaped(id))</option>"
        }
        let fields = """
            <label for="forecast-scenario">Scenario</label>\
            <select id="forecast-scenario" name="scenario">\(options.joined())</select>
            <label for="forecast-issues">Issues</label><input id="forecast-issues" name="issues" type="text" \
            placeholder="all (or ids separated by commas)">
            <label for="forecast-seed">Seed</label><input id="forecast-seed" name="seed" type="number" min="0" value="1">
            """
        return page(title: "Forecast", section: .forecast, endpoint: "/api/v1/forecasts", fields: fields)
    }

    /// The tournament page: a specification as YAML or JSON text (its scenarios may be stored ids).
    func tournament() -> String {
        let fields = """
            <label for="tournament-spec">Specification (YAML or JSON)</label>
            <textarea id="tournament-spec" name="specification" rows="10" spellcheck="false" \
            aria-describedby="tournament-help">\(xmlEscaped(Self.sampleSpecification))</textarea>
            <p id="tournament-help" class="help">A tournament specification as accord tournament reads it \
            (docs/tournaments.md); its scenarios are bundled names or stored scenario ids.</p>
            """
        return page(title: "Tournament", section: .tournament, endpoint: "/api/v1/tournaments", fields: fields)
    }

    /// A small tournament to start from: three agents on the job offer, a hundred rounds.
    static let sampleSpecification = """
        accord_tournament: 1
        name: workspace
        agents: [boulware, conceder, linear]
        scenarios: [job-offer]
        deadline: {rounds: 100}

        """

    private func page(title: String, section: PageLayout.Section, endpoint: String, fields: String) -> String {
        let body = """
            <h1>\(title)</h1>
            <form id="follow" class="grid card" data-endpoint="\(endpoint)">
            \(fields)
            <button type="submit">Start</button>
            </form>
            <section aria-labelledby="progress-heading"><h2 id="progress-heading">Progress</h2>
            <progress id="follow-progress" max="1" value="0" aria-label="\(title) progress"></progress>
            <p id="follow-status" role="status" aria-live="polite">Not started.</p>
            <div id="follow-result"></div></section>
            """
        return PageLayout.document(title: title, section: section, body: body, scripts: ["follow"])
    }
}
