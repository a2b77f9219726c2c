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
        let store = try store ?? SQLiteStore()
        let configuration = ServerConfiguration(port: 0, token: token, bodyLimit: bodyLimit, runsFolder: runsFolder)
        let app = try await AccordServerApplication.build(configuration: configuration, store: store)
        try await app.test(.router, body)
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
