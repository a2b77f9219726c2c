import AccordKit

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
            "<option value=\"\(HTMLText.escape(id))\"\(id == ScenarioLoader.defaultScenario ? " selected" : "")>"
                + "\(HTMLText.escape(id))</option>"
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

    /// The tournament page: a specification as JSON (its scenarios may be stored ids).
    func tournament() -> String {
        let fields = """
            <label for="tournament-spec">Specification (JSON)</label>
            <textarea id="tournament-spec" name="specification" rows="10" spellcheck="false" \
            aria-describedby="tournament-help">{"scenarios": ["berlin-2025"], "agents": ["boulware", "conceder"], \
            "repetitions": 1}</textarea>
            <p id="tournament-help" class="help">The tournament specification of accord tournament, as JSON; \
            scenarios may name stored scenarios by id.</p>
            """
        return page(title: "Tournament", section: .tournament, endpoint: "/api/v1/tournaments", fields: fields)
    }

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
