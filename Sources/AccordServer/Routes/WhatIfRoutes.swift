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
        var whatIf = try RequestBodies.whatIf(source: scenario.source, body: body)
        whatIf.maxOutcomes = min(whatIf.maxOutcomes, AnalysisOptions().maxOutcomes)
        let parsed = try await workspace.parsedScenarios.scenario(of: scenario)
        let changes = whatIf
        let frontiers = workspace.frontiers
        let result = try await workspace.runs.compute { try changes.result(for: parsed, frontiers: frontiers) }
        // Compact: the same document as the Kit's JSON without its indentation, a third smaller on the wire.
        return .jsonBytes(result.compactJSONBytes())
    }
}
