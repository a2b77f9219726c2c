import AccordKit
import AccordStore
import Foundation

/// What every route works with: the configuration, the store, the runs and the access control. One value, made
/// once by ``AccordServerApplication/build(configuration:store:)``.
final class Workspace: Sendable {
    let configuration: ServerConfiguration
    let store: any WorkspaceStore
    let runs: RunService
    let access: AccessControl
    let parsedScenarios = ParsedScenarios()
    /// The last Pareto frontiers what-if requests built, reused while only reservation values move.
    let frontiers = FrontierMemo(capacity: 32)
    /// The confidential rooms, when the store keeps rooms (both of Accord's stores do).
    let rooms: RoomService?
    /// The check of room credentials.
    let roomAccess: RoomAccess

    init(configuration: ServerConfiguration, store: any WorkspaceStore) {
        self.configuration = configuration
        self.store = store
        runs = RunService(store: store, workers: configuration.workers, queueLimit: configuration.queueLimit)
        access = AccessControl(token: configuration.token)
        rooms = (store as? any RoomStore).map { RoomService(store: $0, keyFile: configuration.roomKeyPath) }
        roomAccess = RoomAccess(limits: configuration.roomCredentialLimits)
    }

    /// Every scenario: the bundled ones not replaced by a stored version, then the stored ones.
    func scenarioList() async throws -> (bundled: [WorkspaceScenario], stored: [WorkspaceScenario]) {
        let stored = try await store.scenarios().map(WorkspaceScenario.init(stored:))
        let storedIDs = Set(stored.map(\.id))
        let bundled = ScenarioLoader.bundledNames.filter { !storedIDs.contains($0) }.compactMap {
            WorkspaceScenario.bundled[$0]
        }
        return (bundled, stored)
    }

    /// A scenario by id: the latest stored version, or a bundled scenario by its name; a 404 otherwise.
    func scenario(id: String) async throws -> WorkspaceScenario {
        if let stored = try await store.scenario(id: id) { return WorkspaceScenario(stored: stored) }
        if let bundled = WorkspaceScenario.bundled[id] { return bundled }
        throw Problem.notFound("there is no scenario '\(id.cut())'.")
    }
}

/// A scenario the workspace can run: stored (with its version) or bundled.
struct WorkspaceScenario: Sendable {
    var id: String
    var version: Int?
    var name: String
    var text: String
    var format: String
    var isBundled: Bool
    var createdAt: Date?

    init(stored: StoredScenario) {
        id = stored.id
        version = stored.version
        name = stored.name
        text = stored.text
        format = stored.format
        isBundled = false
        createdAt = stored.createdAt
    }

    /// The bundled scenarios by name, read once (their files do not change while the server runs).
    static let bundled: [String: WorkspaceScenario] = Dictionary(
        uniqueKeysWithValues: ScenarioLoader.bundledNames.compactMap { name in
            (try? WorkspaceScenario(bundled: name)).map { (name, $0) }
        })

    init(bundled name: String) throws {
        let path = try ScenarioLoader.bundledPath(name)
        id = name
        version = nil
        self.name = (try? ScenarioSource.bundled(name).scenario().name) ?? name
        text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        format = path.hasSuffix(".json") ? "json" : "yaml"
        isBundled = true
        createdAt = nil
    }

    /// Where the operations read it: the bundled file (so the result is the CLI's for the same name), or the text.
    var source: ScenarioSource {
        isBundled ? .bundled(id) : .text(text, file: "\(id).\(format)")
    }

    /// The run subject for a request body.
    func subject(request: String) -> RunService.Subject {
        RunService.Subject(scenarioID: id, scenarioVersion: version, request: request)
    }

    /// The summary in lists.
    var summary: JSONValue {
        .object([
            ("id", .string(id)), ("name", .string(name)), ("version", version.map(JSONValue.int) ?? .null),
            ("bundled", .bool(isBundled)), ("format", .string(format)),
            ("createdAt", createdAt.map { .string(ISO8601.string($0)) } ?? .null),
        ])
    }
}

/// Dates as the API writes them: ISO 8601 in UTC with milliseconds.
enum ISO8601 {
    static func string(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}

extension Workspace {
    /// Marks the runs a stop cut off as interrupted, then starts each interrupted tournament again under its id:
    /// it resumes from its progress log, playing only the negotiations that had not finished.
    func recoverInterruptedRuns() async throws {
        let interrupted = try await store.interruptUnfinishedRuns(at: Date())
        for run in interrupted where run.record.operation == .tournament {
            let request = TournamentRoutes.request(folder: TournamentRoutes.folder(of: run.id, in: configuration))
            guard FileManager.default.fileExists(atPath: request.specification) else { continue }
            _ = try? await runs.start(
                request, about: RunService.Subject(request: run.request), id: run.id, replacing: true)
        }
    }
}
