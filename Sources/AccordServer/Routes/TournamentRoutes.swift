import AccordKit
import Foundation
import Hummingbird

/// `POST /api/v1/tournaments`: a tournament specification (docs/tournaments.md) as JSON — an object, or YAML or
/// JSON text in `"specification"` — whose scenarios are bundled names or stored scenario ids. The server writes the
/// specification and the stored scenarios into the run's folder and plays it there on one worker (202); a
/// tournament cut off by a stop resumes from its progress log when the server starts again.
struct TournamentRoutes {
    let workspace: Workspace

    func add(to router: Router<some RequestContext>) {
        router.post("api/v1/tournaments") { request, _ in try await start(request) }
    }

    private func start(_ request: Request) async throws -> Response {
        var request = request
        let body = try await request.text(limit: workspace.configuration.bodyLimit)
        let id = UUID().uuidString.lowercased()
        let tournament = try await prepare(body: body, id: id)
        let run = try await workspace.runs.start(
            tournament, about: RunService.Subject(scenarioID: nil, scenarioVersion: nil, request: body), id: id)
        return .json(run.document(), status: .accepted)
    }

    /// The tournament request of a body: the specification and its stored scenarios written into the run's folder.
    func prepare(body: String, id: String) async throws -> TournamentRequest {
        var members = try RequestBodies.tournamentSpecification(body: body)
        let folder = Self.folder(of: id, in: workspace.configuration)
        var files: [(name: String, text: String)] = []
        if let index = members.firstIndex(where: { $0.key == "scenarios" }) {
            guard case .array(let entries) = members[index].value else {
                throw Problem.badRequest("'specification.scenarios' must be a list of scenario ids.")
            }
            var resolved: [JSONValue] = []
            for (position, entry) in entries.enumerated() {
                resolved.append(try await scenarioEntry(entry, position: position, files: &files))
            }
            members[index].value = .array(resolved)
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for file in files {
                try file.text.write(to: folder.appendingPathComponent(file.name), atomically: true, encoding: .utf8)
            }
            let path = folder.appendingPathComponent("specification.json")
            try JSONValue.object(members).serialized().write(to: path, atomically: true, encoding: .utf8)
        } catch {
            throw Problem(.internalServerError, "the tournament's folder could not be written: \(error).")
        }
        return Self.request(folder: folder)
    }

    /// The folder of a tournament run.
    static func folder(of id: String, in configuration: ServerConfiguration) -> URL {
        URL(fileURLWithPath: configuration.runsFolder).appendingPathComponent(id)
    }

    /// The request that plays (or resumes) the tournament in a run's folder, on one core.
    static func request(folder: URL) -> TournamentRequest {
        TournamentRequest(
            specification: folder.appendingPathComponent("specification.json").path,
            resultsFolder: folder.appendingPathComponent("results").path, jobs: 1)
    }

    /// One entry of `scenarios`: a bundled name stays; a stored id becomes a file in the run's folder. Paths and
    /// GENIUS folders are refused: the server reads no file a request names.
    private func scenarioEntry(_ entry: JSONValue, position: Int, files: inout [(name: String, text: String)])
        async throws -> JSONValue
    {
        var name: String?
        var id: String?
        switch entry {
        case .string(let text): id = text
        case .object(let members):
            for member in members {
                switch (member.key, member.value) {
                case ("name", .string(let text)): name = text
                case ("bundled", .string(let text)), ("id", .string(let text)): id = text
                default:
                    throw Problem.badRequest(
                        "'specification.scenarios[\(position)]' may give only 'name' and 'id' (or 'bundled'): the "
                            + "server runs bundled and stored scenarios, not files ('\(member.key.cut())').")
                }
            }
        default: break
        }
        guard let id else {
            throw Problem.badRequest("'specification.scenarios[\(position)]' must be a scenario id.")
        }
        let scenario = try await workspace.scenario(id: id)
        if scenario.isBundled {
            return .object([("name", .string(name ?? id)), ("bundled", .string(id))])
        }
        let file = "scenario-\(position).\(scenario.format)"
        files.append((file, scenario.text))
        return .object([("name", .string(name ?? id)), ("path", .string(file))])
    }
}
