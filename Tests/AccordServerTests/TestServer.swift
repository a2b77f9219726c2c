import AccordKit
import AccordServer
import AccordStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// A server on an in-memory store, driven in process.
enum TestServer {
    /// Runs `body` against a fresh server (router tests: no socket).
    static func withClient(
        token: String? = nil, store: (any WorkspaceStore)? = nil, bodyLimit: Int = 8 << 20,
        runsFolder: String = FileManager.default.temporaryDirectory.appendingPathComponent("accord-runs").path,
        _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let chosen: any WorkspaceStore
        if let store { chosen = store } else { chosen = try await makeStore() }
        let configuration = ServerConfiguration(port: 0, token: token, bodyLimit: bodyLimit, runsFolder: runsFolder)
        let app = try await AccordServerApplication.build(configuration: configuration, store: chosen)
        try await app.test(.router, body)
    }

    /// The store the route tests run against: SQLite in memory, or — when `ACCORD_SERVER_TEST_STORE=postgres` —
    /// a new schema on the PostgreSQL server of `ACCORD_TEST_POSTGRES_URL` (.ci/run runs the suite both ways).
    static func makeStore() async throws -> any WorkspaceStore {
        let environment = ProcessInfo.processInfo.environment
        guard environment["ACCORD_SERVER_TEST_STORE"] == "postgres" else { return try SQLiteStore() }
        let url = try #require(
            environment["ACCORD_TEST_POSTGRES_URL"], "ACCORD_SERVER_TEST_STORE=postgres needs ACCORD_TEST_POSTGRES_URL")
        let schema =
            "accord_server_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        return try await StoreLocation.postgres(url: url + (url.contains("?") ? "&" : "?") + "schema=" + schema).open()
    }

    /// The body as text.
    static func text(_ response: TestResponse) -> String {
        String(buffer: response.body)
    }

    /// The body as JSON.
    static func json(_ response: TestResponse) throws -> JSONValue {
        try JSONValue(parsing: text(response))
    }
}
