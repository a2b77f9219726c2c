import AccordStore
import Foundation
import Logging
import PostgresNIO
import Testing

/// Fresh databases for tests.
enum TestDatabases {
    /// The PostgreSQL server the tests use, from `ACCORD_TEST_POSTGRES_URL`; `nil` when it is not set, which in CI
    /// (where `CI` is set) is also a test failure.
    static func postgresURL() -> String? {
        guard let url = ProcessInfo.processInfo.environment["ACCORD_TEST_POSTGRES_URL"], !url.isEmpty else {
            if ProcessInfo.processInfo.environment["CI"] != nil {
                Issue.record(
                    "CI is set but ACCORD_TEST_POSTGRES_URL is not: .ci/run starts PostgreSQL for these tests.")
            }
            return nil
        }
        return url
    }

    /// Whether the PostgreSQL tests run: a server is named, or CI requires one (and ``postgresURL()`` fails them).
    static let runsPostgresTests =
        ProcessInfo.processInfo.environment["ACCORD_TEST_POSTGRES_URL"].map { !$0.isEmpty } == true
        || ProcessInfo.processInfo.environment["CI"] != nil

    /// A PostgreSQL store in a new schema of its own (`accord_test_…`, through the URL's `schema` parameter), so that
    /// tests do not see each other's rows; closing the store drops the schema.
    static func freshPostgresStore(url: String) async throws -> any WorkspaceStore {
        let schema = freshSchemaName()
        let store = try await PostgresStore.connect(url: self.url(url, schema: schema))
        return SchemaDroppingStore(store: store, serverURL: url, schema: schema)
    }

    /// A schema name no other test uses.
    static func freshSchemaName() -> String {
        "accord_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
    }

    /// The URL with a `schema` parameter.
    static func url(_ url: String, schema: String) -> String {
        url + (url.contains("?") ? "&" : "?") + "schema=" + schema
    }

    /// The URL with another password.
    static func url(_ url: String, password: String) -> String {
        var components = URLComponents(string: url)!
        components.password = password
        return components.string!
    }

    /// Drops a test schema and everything in it.
    static func dropSchema(_ schema: String, serverURL: String) async throws {
        _ = try await query("DROP SCHEMA IF EXISTS \(unescaped: schema) CASCADE", serverURL: serverURL)
    }

    /// The rows of one query, run on a connection of its own to the server `serverURL` names.
    static func query(_ query: PostgresQuery, serverURL: String) async throws -> [PostgresRow] {
        let components = try #require(URLComponents(string: serverURL))
        let configuration = PostgresConnection.Configuration(
            host: try #require(components.host), port: components.port ?? 5432,
            username: try #require(components.user), password: components.password,
            database: String(components.path.dropFirst()), tls: .disable)
        let connection = try await PostgresConnection.connect(
            configuration: configuration, id: 1, logger: Logger(label: "accord.tests"))
        do {
            let rows = try await connection.query(query, logger: Logger(label: "accord.tests")).collect()
            try await connection.close()
            return rows
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
