import AccordKit
import Hummingbird

/// `POST /api/v1/scenarios/{id}/analyses` (a stored run, answered when done) and `/evaluations` (computed, not
/// stored): the same documents as `accord analyze --format json` and `accord evaluate --format json`.
struct AnalysisRoutes {
    let workspace: Workspace

    func add(to router: Router<some RequestContext>) {
        let scenario = router.group("api/v1/scenarios/:id")
        scenario.post("analyses") { request, context in
            try await analyze(try context.parameters.require("id"), request)
        }
        scenario.post("evaluations") { request, context in
            try await evaluate(try context.parameters.require("id"), request)
        }
    }

    private func analyze(_ id: String, _ request: Request) async throws -> Response {
        var request = request
        let body = try await request.text(limit: workspace.configuration.bodyLimit)
        let scenario = try await workspace.scenario(id: id)
        let analysis = try RequestBodies.analysis(source: scenario.source, body: body)
        let run = try await workspace.runs.runNow(analysis, about: scenario.subject(request: body))
        return .json(run.document(), status: run.record.status == .succeeded ? .created : .unprocessableContent)
    }

    private func evaluate(_ id: String, _ request: Request) async throws -> Response {
        var request = request
        let body = try await request.text(limit: workspace.configuration.bodyLimit)
        let scenario = try await workspace.scenario(id: id)
        let evaluation = try RequestBodies.evaluation(source: scenario.source, body: body)
        let result = try await workspace.runs.compute { try await evaluation.run() }
        return .jsonText(result.render(.json))
    }
}
