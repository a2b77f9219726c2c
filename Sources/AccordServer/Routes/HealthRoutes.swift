import Hummingbird

/// `GET /health`: 200 `{"status": "ok"}` once the server answers and its store can be read.
struct HealthRoutes {
    let workspace: Workspace

    func add(to router: Router<some RequestContext>) {
        router.get("health") { _, _ in
            _ = try await workspace.store.runs(matching: .init(limit: 1))
            return Response.json(.object([("status", .string("ok"))]))
        }
    }
}
