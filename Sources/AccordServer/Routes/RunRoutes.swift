import AccordKit
import AccordStore
import Hummingbird
import ServiceLifecycle

/// `/api/v1/simulations`, `/forecasts` (202: the run goes on without the client) and `/api/v1/runs`: list, read
/// (as JSON or as the CLI's report in any format), follow as server-sent events, cancel.
struct RunRoutes {
    let workspace: Workspace

    func add(to router: Router<some RequestContext>) {
        router.post("api/v1/simulations") { request, _ in try await simulate(request) }
        router.post("api/v1/forecasts") { request, _ in try await forecast(request) }
        let runs = router.group("api/v1/runs")
        runs.get { request, _ in try await list(request) }
        runs.get(":id") { request, context in try await read(try context.parameters.require("id"), request) }
        runs.get(":id/events") { _, context in try await events(try context.parameters.require("id")) }
        runs.delete(":id") { _, context in try await cancel(try context.parameters.require("id")) }
    }

    private func simulate(_ request: Request) async throws -> Response {
        var request = request
        let body = try await request.text(limit: workspace.configuration.bodyLimit)
        var (id, simulation) = try RequestBodies.simulation(body: body)
        let scenario = try await workspace.scenario(id: id)
        simulation.source = scenario.source
        do {
            try simulation.check(externalAgents: false)  // bad agents, parties or mechanism: refused now
        } catch let error as any AccordError where error.exitStatus == .badInput {
            throw Problem.badRequest(error.sentence)
        }
        let run = try await workspace.runs.start(simulation, about: scenario.subject(request: body))
        return .json(run.document(), status: .accepted)
    }

    private func forecast(_ request: Request) async throws -> Response {
        var request = request
        let body = try await request.text(limit: workspace.configuration.bodyLimit)
        var (id, forecast) = try RequestBodies.forecast(body: body)
        let scenario = try await workspace.scenario(id: id)
        forecast.input = .scenario(scenario.source)
        let run = try await workspace.runs.start(forecast, about: scenario.subject(request: body))
        return .json(run.document(), status: .accepted)
    }

    private func list(_ request: Request) async throws -> Response {
        var filter = RunFilter()
        filter.scenarioID = request.uri.queryParameters["scenario"].map(String.init)
        if let kind = request.uri.queryParameters["kind"] {
            guard let operation = OperationKind(rawValue: String(kind)) else {
                throw Problem.badRequest(
                    "unknown kind '\(String(kind).cut())'; known: "
                        + OperationKind.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
            filter.operation = operation
        }
        if let limit = request.uri.queryParameters["limit"] {
            guard let value = Int(limit), (1...1_000).contains(value) else {
                throw Problem.badRequest("the parameter 'limit' must be a whole number from 1 to 1000.")
            }
            filter.limit = value
        }
        let runs = try await workspace.store.runs(matching: filter)
        return .json(.object([("runs", .array(runs.map { $0.document(includingResult: false) }))]))
    }

    private func storedRun(_ id: String) async throws -> StoredRun {
        guard let run = try await workspace.store.run(id: id) else {
            throw Problem.notFound("there is no run '\(id.cut())'.")
        }
        return run
    }

    private func read(_ id: String, _ request: Request) async throws -> Response {
        let run = try await storedRun(id)
        guard let name = request.uri.queryParameters["format"].map(String.init) else { return .json(run.document()) }
        guard let format = ReportFormat(rawValue: name) else {
            throw Problem.badRequest(
                "unknown format '\(name.cut())'; known: "
                    + ReportFormat.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        let body = format == .json ? run.record.result : run.reports[format.rawValue]
        guard let body else {
            throw Problem(.conflict, "run '\(id)' has no report: it is \(run.record.status.rawValue).")
        }
        return ReportResponse.make(body, format: format, id: id)
    }

    private func events(_ id: String) async throws -> Response {
        let run = try await storedRun(id)
        let stream: AsyncStream<RunChannel.Event>
        if let channel = workspace.runs.channel(of: id) {
            stream = channel.subscribe()
        } else {
            let end: JSONValue = .object([
                ("status", .string(run.record.status.rawValue)),
                ("error", run.record.error.map(JSONValue.string) ?? .null),
            ])
            stream = AsyncStream { continuation in
                continuation.yield(.init(name: "end", data: end.serialized(indent: 0)))
                continuation.finish()
            }
        }
        let heartbeat = workspace.configuration.eventStreamHeartbeat
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-store"
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                try await EventStream.send(stream, heartbeat: heartbeat, to: &writer) { event in
                    "event: \(event.name)\ndata: \(event.data)\n\n"
                }
                try await writer.finish(nil)
            })
    }

    private func cancel(_ id: String) async throws -> Response {
        let run = try await storedRun(id)
        guard workspace.runs.cancel(id) else {
            throw Problem(.conflict, "run '\(id)' is not running: it is \(run.record.status.rawValue).")
        }
        return .json(.object([("id", .string(id)), ("cancelling", .bool(true))]), status: .accepted)
    }
}
