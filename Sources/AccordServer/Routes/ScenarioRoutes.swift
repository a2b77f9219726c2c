import AccordKit
import AccordStore
import Foundation
import Hummingbird

/// `/api/v1/scenarios`: list, upload, read, replace (keeping earlier versions) and delete scenarios.
struct ScenarioRoutes {
    let workspace: Workspace

    func add(to router: Router<some RequestContext>) {
        let scenarios = router.group("api/v1/scenarios")
        scenarios.get { _, _ in try await list() }
        scenarios.post { request, _ in try await create(request) }
        scenarios.get(":id") { _, context in try await read(try context.parameters.require("id")) }
        scenarios.put(":id") { request, context in try await replace(try context.parameters.require("id"), request) }
        scenarios.delete(":id") { _, context in try await delete(try context.parameters.require("id")) }
    }

    private func list() async throws -> Response {
        let (bundled, stored) = try await workspace.scenarioList()
        let all = bundled + stored
        return .json(.object([("scenarios", .array(all.map(\.summary)))]))
    }

    private func create(_ request: Request) async throws -> Response {
        let upload = try await ScenarioUpload.read(request, limit: workspace.configuration.bodyLimit)
        let scenario = try await Self.validated(upload)
        for attempt in 0..<100 {
            let id = ScenarioID.make(from: scenario.name, attempt: attempt)
            if ScenarioLoader.bundledNames.contains(id) { continue }
            if try await !workspace.store.scenarioVersions(id: id).isEmpty { continue }
            let stored = StoredScenario(id: id, name: scenario.name, text: upload.text, format: upload.format)
            do {
                try await workspace.store.saveScenario(stored)
            } catch StoreError.conflict {
                continue
            }
            return .json(Self.document(WorkspaceScenario(stored: stored), versions: 1), status: .created)
        }
        throw Problem(.conflict, "there are too many scenarios named '\(scenario.name.cut())'; rename this one.")
    }

    private func read(_ id: String) async throws -> Response {
        let scenario = try await workspace.scenario(id: id)
        let versions = scenario.isBundled ? 1 : try await workspace.store.scenarioVersions(id: id).count
        return .json(Self.document(scenario, versions: versions))
    }

    private func replace(_ id: String, _ request: Request) async throws -> Response {
        let current = try await workspace.scenario(id: id)
        let upload = try await ScenarioUpload.read(request, limit: workspace.configuration.bodyLimit)
        let scenario = try await Self.validated(upload)
        var versions = try await workspace.store.scenarioVersions(id: id)
        if current.isBundled, versions.isEmpty {
            // The bundled text is version 1, kept like any earlier version.
            let original = StoredScenario(id: id, name: current.name, text: current.text, format: current.format)
            try await workspace.store.saveScenario(original)
            versions = [original]
        }
        let stored = StoredScenario(
            id: id, version: (versions.last?.version ?? 0) + 1, name: scenario.name, text: upload.text,
            format: upload.format)
        do {
            try await workspace.store.saveScenario(stored)
        } catch StoreError.conflict {
            throw Problem(.conflict, "scenario '\(id.cut())' was changed by another request; read it and try again.")
        }
        return .json(Self.document(WorkspaceScenario(stored: stored), versions: versions.count + 1))
    }

    private func delete(_ id: String) async throws -> Response {
        if try await workspace.store.deleteScenario(id: id) { return Response(status: .noContent) }
        if ScenarioLoader.bundledNames.contains(id) {
            throw Problem(.conflict, "'\(id)' is a bundled scenario and cannot be deleted.")
        }
        throw Problem.notFound("there is no scenario '\(id.cut())'.")
    }

    /// The scenario of an upload, or a 422 listing every problem as `accord validate` does.
    static func validated(_ upload: ScenarioUpload) async throws -> Scenario {
        let result = try await ValidationRequest(source: .text(upload.text, file: upload.file)).run()
        if let scenario = result.scenario, result.isValid { return scenario }
        let document = try? JSONValue(parsing: result.render(.json))
        let problems = document?["problems"] ?? .array([])
        let count = result.problems.count
        throw Problem(
            .unprocessableContent,
            "the scenario has \(count) problem\(count == 1 ? "" : "s")"
                + (result.problems.first.map { "; the first: \($0)" } ?? "") + ".",
            extra: [("problems", problems)])
    }

    static func document(_ scenario: WorkspaceScenario, versions: Int) -> JSONValue {
        guard case .object(let members) = scenario.summary else { return scenario.summary }
        return .object(members + [("versions", .int(versions)), ("text", .string(scenario.text))])
    }
}
