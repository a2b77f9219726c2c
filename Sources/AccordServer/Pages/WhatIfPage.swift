import AccordKit
import AccordReport

/// `/scenarios/{id}/what-if`: a slider per party's reservation value and per party's issue weight; `whatif.js`
/// posts the changed values to `POST /api/v1/scenarios/{id}/what-if` as the hand moves (one request in flight,
/// the latest values win) and redraws the agreement zone's count, the frontier, the solutions and who blocks.
struct WhatIfPage {
    let workspace: Workspace

    /// The page's HTML.
    func render(id: String) async throws -> String {
        let stored = try await workspace.scenario(id: id)
        let scenario = try stored.source.scenario()
        let sliders = scenario.parties.map { Self.partySliders($0, issues: scenario.issues) }
        let body = """
            <h1>What if? <small>\(xmlEscaped(stored.name))</small></h1>
            <p class="links"><a href="/scenarios/\(xmlEscaped(stored.id))">Scenario and analysis</a></p>
            <div class="whatif">
            <form id="whatif" class="sliders" data-scenario="\(xmlEscaped(stored.id))">
            <p class="zone-live" aria-hidden="true">Agreement zone: <strong id="zone-count-live">…</strong></p>
            \(sliders.joined(separator: "\n"))
            <button type="reset" id="whatif-reset">Reset</button>
            </form>
            <section aria-labelledby="whatif-result-heading" class="whatif-result">
            <h2 id="whatif-result-heading">Under these values</h2>
            <p class="zone">Agreement zone: <strong id="zone-count">…</strong> packages \
            <span id="whatif-time" class="muted"></span></p>
            \(PairPicker.html(parties: scenario.parties.map { (id: $0.id, name: $0.name) }))
            <div id="whatif-chart" class="square"></div>
            <p class="legend"><span class="key frontier-key">○</span> Pareto frontier (of all parties, projected) \
            <span class="key solution-key">◇</span> bargaining solution \
            <span class="key offer-key">●</span> offer <span class="key agreement-key">●</span> agreement \
            <span class="key zone-key">■</span> both plotted parties accept; dashed: reservation values</p>
            <h3>Solutions</h3><ul id="whatif-solutions"></ul>
            <h3>Who blocks</h3><ul id="whatif-blocking"></ul>
            <p id="whatif-status" role="status" aria-live="polite"></p>
            </section></div>
            """
        return PageLayout.document(
            title: "What if? · \(stored.name)", section: .scenarios, body: body, scripts: ["whatif"])
    }

    /// A party's reservation slider and, for an additive utility, one slider per issue weight.
    static func partySliders(_ party: Party, issues: [Issue]) -> String {
        let id = xmlEscaped(party.id)
        var html = "<fieldset><legend>\(xmlEscaped(party.name))</legend>"
        html += slider(
            id: "reservation-\(id)", label: "Reservation value", value: party.reservation,
            data: "data-kind=\"reservation\" data-party=\"\(id)\"")
        if let weights = (party.utility as? LinearAdditiveUtility)?.weights, weights.count == issues.count {
            let total = weights.reduce(0, +)
            for (issue, weight) in zip(issues, weights) {
                let issueID = xmlEscaped(issue.id)
                html += slider(
                    id: "weight-\(id)-\(issueID)", label: "Weight of \(xmlEscaped(issue.name))",
                    value: total > 0 ? weight / total : weight,
                    data: "data-kind=\"weight\" data-party=\"\(id)\" data-issue=\"\(issueID)\"")
            }
        }
        return html + "</fieldset>"
    }

    /// One labelled range input from 0 to 1 with its value shown beside it; `label` is already escaped.
    static func slider(id: String, label: String, value: Double, data: String) -> String {
        let shown = (value * 100).rounded() / 100
        return """
            <div class="slider"><label for="\(id)">\(label)</label>\
            <input type="range" id="\(id)" min="0" max="1" step="0.01" value="\(shown)" \(data)>\
            <output for="\(id)" id="\(id)-value">\(shown)</output></div>
            """
    }
}
