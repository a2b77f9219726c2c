import AccordKit
import AccordServer
import AccordStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import Testing

/// A server for the room tests: a fresh store (SQLite, or PostgreSQL with `ACCORD_SERVER_TEST_STORE=postgres`), a
/// room key file of its own, generous credential limits unless given, and every log line captured.
struct RoomTestServer {
    var store: any WorkspaceStore
    var keyFile: String
    var token: String?
    var limits = RoomCredentialLimits(slowAfter: 1000, refuseAfter: 1000)
    let logs = LogCapture()

    init(store: (any WorkspaceStore)? = nil, keyFile: String? = nil, token: String? = nil) async throws {
        if let store { self.store = store } else { self.store = try await TestServer.makeStore() }
        self.keyFile =
            keyFile
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("accord-room-\(UUID().uuidString).key")
            .path
        self.token = token
    }

    func run(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        var configuration = ServerConfiguration(port: 0, token: token)
        configuration.roomKeyFile = keyFile
        configuration.roomCredentialLimits = limits
        var logger = Logger(label: "accord.test.rooms") { _ in LogCaptureHandler(capture: logs) }
        logger.logLevel = .trace
        let app = try await AccordServerApplication.build(configuration: configuration, store: store, logger: logger)
        try await app.test(.router, body)
    }
}

/// Every log line a server wrote.
final class LogCapture: Sendable {
    private let lines = Mutex<[String]>([])

    func append(_ line: String) { lines.withLock { $0.append(line) } }

    var all: [String] { lines.withLock { $0 } }
}

/// A log handler that keeps each line, with its metadata, in a ``LogCapture``.
struct LogCaptureHandler: LogHandler {
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let error = event.error.map { String(reflecting: $0) } ?? ""
        capture.append("\(event.level) \(event.message) \(merged) \(error) \(event.source)")
    }
}

/// The room the server tests use (the Kit tests' fixture): three issues, parties a, b and c.
enum RoomScenario {
    static let skeleton = """
        {"accord": 1, "name": "Supply talks",
         "issues": [
           {"id": "price", "options": [{"id": "low"}, {"id": "mid"}, {"id": "high"}]},
           {"id": "term", "options": [{"id": "short"}, {"id": "long"}]},
           {"id": "extras", "options": [{"id": "none"}, {"id": "some"}]}],
         "parties": [{"id": "a", "name": "Alpha"}, {"id": "b", "name": "Beta"}, {"id": "c", "name": "Gamma"}]}
        """

    static let preferences: [String: String] = [
        "a": """
        {"weights": {"price": 0.6, "term": 0.2, "extras": 0.2}, "reservation": 0.3,
         "values": {"price": {"low": 0, "mid": 0.5, "high": 1}, "term": {"short": 1, "long": 0},
                    "extras": {"none": 0, "some": 1}}}
        """,
        "b": """
        {"weights": {"price": 0.4, "term": 0.4, "extras": 0.2}, "reservation": 0.3,
         "values": {"price": {"low": 1, "mid": 0.6, "high": 0}, "term": {"short": 0, "long": 1},
                    "extras": {"none": 0, "some": 1}}}
        """,
        "c": """
        {"weights": {"price": 0.8, "extras": 0.2}, "reservation": 0.4,
         "values": {"price": {"low": 0.2, "mid": 1, "high": 0.5}, "extras": {"none": 0, "some": 1}},
         "redLines": [{"issue": "term", "forbid": ["long"]}]}
        """,
    ]

    static func package(_ price: String, _ term: String, _ extras: String) -> String {
        #"{"price": "\#(price)", "term": "\#(term)", "extras": "\#(extras)"}"#
    }
}

/// A created room: its id and the token of each role.
struct CreatedRoom: Sendable {
    var id: String
    var tokens: [String: String]

    func token(_ role: String) -> String { tokens[role] ?? "" }
}

/// Requests with a room credential.
extension TestClientProtocol {
    func createRoom(
        skeleton: String = RoomScenario.skeleton, disclosure: String = "{}", serverToken: String? = nil
    ) async throws -> CreatedRoom {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        if let serverToken { headers[.authorization] = "Bearer \(serverToken)" }
        let body = #"{"scenario": \#(skeleton), "disclosure": \#(disclosure)}"#
        return try await execute(uri: "/api/v1/rooms", method: .post, headers: headers, body: ByteBuffer(string: body))
        { response in
            #expect(response.status == .created, "\(TestServer.text(response))")
            let json = try TestServer.json(response)
            var tokens: [String: String] = [:]
            tokens["mediator"] = json["tokens"]?["mediator"]?.scalarText
            tokens["observer"] = json["tokens"]?["observer"]?.scalarText
            for (party, token) in json["tokens"]?["parties"]?.members ?? [] { tokens[party] = token.scalarText }
            return CreatedRoom(id: json["id"]?.scalarText ?? "", tokens: tokens)
        }
    }

    /// A request with `Authorization: Bearer <token>` (none when `token` is nil); returns status and body text.
    @discardableResult
    func room(_ method: HTTPRequest.Method, _ uri: String, token: String?, body: String? = nil) async throws
        -> (status: HTTPResponse.Status, text: String)
    {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        if body != nil { headers[.contentType] = "application/json" }
        return try await execute(
            uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }
        ) { response in (response.status, TestServer.text(response)) }
    }

    /// Creates the fixture room, enters every party's preferences and locks it.
    func lockedRoom(disclosure: String = "{}") async throws -> CreatedRoom {
        let room = try await createRoom(disclosure: disclosure)
        for (party, preferences) in RoomScenario.preferences {
            let put = try await self.room(
                .put, "/api/v1/rooms/\(room.id)/preferences", token: room.token(party), body: preferences)
            #expect(put.status == .noContent, "\(put.text)")
        }
        let lock = try await self.room(.post, "/api/v1/rooms/\(room.id)/lock", token: room.token("mediator"))
        #expect(lock.status == .ok, "\(lock.text)")
        return room
    }
}
