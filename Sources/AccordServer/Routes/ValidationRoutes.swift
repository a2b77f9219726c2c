import Hummingbird

/// `POST /api/v1/validations`: checks a scenario without storing it — what the editor calls as you type. The body
/// is a scenario as for `POST /api/v1/scenarios`; the answer is 200 `{"valid": true, "name", "parties", "issues"}`,
/// or the same 422 problem, listing every problem with its path and line, that an invalid upload gets.
struct ValidationRoutes {
    let workspace: Workspace

    func add(to router: Router<some RequestContext>) {
        router.post("api/v1/validations") { request, _ in
            let upload = try await ScenarioUpload.read(request, limit: workspace.configuration.bodyLimit)
            let scenario = try await ScenarioRoutes.validated(upload)
            return Response.json(
                .object([
                    ("valid", .bool(true)), ("name", .string(scenario.name)),
                    ("parties", .int(scenario.parties.count)), ("issues", .int(scenario.issues.count)),
                ]))
        }
    }
}
