import AccordKit
import AccordReport

/// `/scenarios/{id}/simulate`: the mechanism, the agents, the deadline and the seed of a simulation; `simulate.js`
/// posts them to `POST /api/v1/simulations`, follows the run's events and draws each offer on the utility square
/// as it is made, then links the report.
struct SimulatePage {
    let workspace: Workspace

    /// The page's HTML.
    func render(id: String) async throws -> String {
        let stored = try await workspace.scenario(id: id)
        let parties = try stored.source.scenario().parties.map { (id: $0.id, name: $0.name) }
        let mechanisms =
            ["<option value=\"\">The scenario's (default)</option>"]
            + MechanismKind.allCases.map { "<option value=\"\($0.rawValue)\">\($0.rawValue)</option>" }
        let body = """
            <h1>Simulate <small>\(xmlEscaped(stored.name))</small></h1>
            <p class="links"><a href="/scenarios/\(xmlEscaped(stored.id))">Scenario and analysis</a></p>
            <form id="simulate" class="grid card" data-scenario="\(xmlEscaped(stored.id))">
            <label for="mechanism">Mechanism</label><select id="mechanism" name="mechanism">\(mechanisms.joined())</select>
            <label for="agents">Agents</label><input id="agents" name="agents" type="text" \
            placeholder="us=hardheaded,russia=conceder" aria-describedby="agents-help">
            <p id="agents-help" class="help">Party=agent pairs separated by commas (boulware, conceder, linear, \
            tit-for-tat, the ANAC champions hardheaded, agent-k, cuhk-agent, atlas3, …); parties left out keep the \
            scenario's agent (else boulware).</p>
            <label for="rounds">Deadline (rounds)</label>\
            <input id="rounds" name="rounds" type="number" min="1" inputmode="numeric" placeholder="default">
            <label for="sim-seed">Seed</label><input id="sim-seed" name="seed" type="number" min="0" value="1">
            <button type="submit">Run the simulation</button>
            </form>
            <section aria-labelledby="live-heading"><h2 id="live-heading">The talks, live</h2>
            <p id="sim-status" role="status" aria-live="polite">Not started.</p>
            <progress id="sim-progress" max="1" value="0" aria-label="Rounds done"></progress>
            \(PairPicker.html(parties: parties))
            <div id="sim-chart" class="square"></div>
            <p class="legend"><span class="key frontier-key">○</span> Pareto frontier (of all parties, projected) \
            <span class="key solution-key">◇</span> bargaining solution \
            <span class="key offer-key">●</span> offer <span class="key agreement-key">●</span> agreement \
            <span class="key zone-key">■</span> both plotted parties accept; dashed: reservation values</p>
            <p>Offers so far: <strong id="offer-count">0</strong></p>
            <h3>Log</h3><ol id="sim-log" class="log"></ol>
            <div id="sim-result"></div>
            </section>
            """
        return PageLayout.document(
            title: "Simulate · \(stored.name)", section: .scenarios, body: body, scripts: ["simulate"])
    }
}
