import AccordKit
import Hummingbird

/// `POST /api/v1/scenarios/{id}/what-if`: the analysis under changed reservation values and weights — the zone,
/// the frontier, the solutions and who blocks — computed, not stored: what the workspace's sliders call. The
/// parsed scenario is kept (per id and version), so a slider's stream of requests does not parse it again, and so
/// are the last Pareto frontiers, so moving a reservation value (which leaves the frontier as it is) does not build
/// it again.
struct WhatIfRoutes {
    let workspace: Workspace

    func add(to router: Router<some RequestContext>) {
        router.post("api/v1/scenarios/:id/what-if") { request, context in
            try await whatIf(try context.parameters.require("id"), request)
        }
    }

    private func whatIf(_ id: String, _ request: Request) async throws -> Response {
        var request = request
        let body = try await request.text(limit: workspace.configuration.bodyLimit)
        let scenario = try await workspace.scenario(id: id)
        var whatIf = try Self.request(source: scenario.source, body: body)
        whatIf.maxOutcomes = min(whatIf.maxOutcomes, AnalysisOptions().maxOutcomes)
        let parsed = try await workspace.parsedScenarios.scenario(of: scenario)
        let changes = whatIf
        let frontiers = workspace.frontiers
        let result = try await workspace.runs.compute { try changes.result(for: parsed, frontiers: frontiers) }
        // Compact: the same document as the Kit's JSON without its indentation, a third smaller on the wire.
        return .jsonBytes(result.compactJSONBytes())
    }

    /// The what-if request a body asks for.
    static func request(source: ScenarioSource, body: String) throws -> WhatIfRequest {
        var options = try RequestOptions(body: body)
        var request = WhatIfRequest(source: source)
        request.reservations = Dictionary(try options.numbers("reservations") ?? [], uniquingKeysWith: { $1 })
        if let weights = try options.value("weights") {
            guard case .object(let parties) = weights else {
                throw Problem.badRequest("the option 'weights' must be an object: party → issue → weight.")
            }
            for party in parties {
                guard case .object(let issues) = party.value else {
                    throw Problem.badRequest("'weights.\(party.key.cut())' must be an object: issue → weight.")
                }
                var byIssue: [String: Double] = [:]
                for issue in issues {
                    guard let weight = RequestOptions.number(issue.value) else {
                        throw Problem.badRequest(
                            "'weights.\(party.key.cut()).\(issue.key.cut())' must be a finite number.")
                    }
                    byIssue[issue.key] = weight
                }
                request.weights[party.key] = byIssue
            }
        }
        request.round = try options.int("round", in: 0...100_000_000)
        request.issues = try options.strings("issues")
        try options.finish()
        return request
    }
}
