import AccordKit
import AccordStore
import Foundation
import Logging
import Testing

/// What only the PostgreSQL store does: migrations on a shared server, and connection errors that keep the password
/// out of every sentence and log line.
@Suite struct PostgresStoreTests {
    @Test(.enabled(if: TestDatabases.runsPostgresTests, "ACCORD_TEST_POSTGRES_URL names no PostgreSQL server"))
    func migratingTwiceIsANoOpAndKeepsTheRows() async throws {
        guard let server = TestDatabases.postgresURL() else { return }
        let schema = TestDatabases.freshSchemaName()
        defer { Task { try? await TestDatabases.dropSchema(schema, serverURL: server) } }
        let url = TestDatabases.url(server, schema: schema)
        let first = try await PostgresStore.connect(url: url)
        #expect(first.appliedMigrations == ["v1", "rooms-v1"])
        try await first.saveScenario(StoredScenario(id: "kept", name: "Kept", text: "accord: 1\n", format: "yaml"))
        try await first.close()

        let second = try await PostgresStore.connect(url: "postgresql" + url.dropFirst("postgres".count))
        #expect(second.appliedMigrations.isEmpty)
        #expect(try await second.scenario(id: "kept")?.name == "Kept")
        try await second.close()
        #expect(try await appliedVersions(schema: schema, server: server) == ["rooms-v1", "v1"])
    }

    @Test(.enabled(if: TestDatabases.runsPostgresTests, "ACCORD_TEST_POSTGRES_URL names no PostgreSQL server"))
    func twoServersStartingAtOnceMigrateOnce() async throws {
        guard let server = TestDatabases.postgresURL() else { return }
        let schema = TestDatabases.freshSchemaName()
        defer { Task { try? await TestDatabases.dropSchema(schema, serverURL: server) } }
        let url = TestDatabases.url(server, schema: schema)
        async let first = PostgresStore.connect(url: url)
        async let second = PostgresStore.connect(url: url)
        let stores = try await [first, second]
        #expect(stores.map(\.appliedMigrations).sorted { $0.count < $1.count } == [[], ["v1", "rooms-v1"]])
        try await stores[0].saveScenario(StoredScenario(id: "shared", name: "Shared", text: "x", format: "yaml"))
        #expect(try await stores[1].scenario(id: "shared")?.name == "Shared")
        for store in stores { try await store.close() }
        #expect(try await appliedVersions(schema: schema, server: server) == ["rooms-v1", "v1"])
    }

    @Test(arguments: [
        ("postgres://", "it names no host"),
        ("postgres://accord:s3cret-pw@/accord", "it names no host"),
        ("postgres://db.example:5432/accord", "it names no user"),
        ("postgres://accord:s3cret-pw@db.example/accord?sslmode=sometimes", "sslmode 'sometimes'"),
        ("postgres://accord:s3cret-pw@db.example/accord?schema=Robert%27);DROP", "schema 'Robert');DROP'"),
        ("postgres://accord:s3cret-pw@db.example/accord?pool=9", "its parameter 'pool'"),
        ("postgresql://accord:s3cret-pw@db.example/a/b", "its database name 'a/b' contains a /"),
        ("postgres://accord:s3 cret-pw@db example/accord", "it is not a URL of the form"),
    ])
    func aURLThatCannotBeUsedIsOneSentenceWithoutThePassword(url: String, reason: String) async throws {
        let error = try await #require(throws: StoreError.self) { try await PostgresStore.connect(url: url) }
        guard case .location = error else {
            Issue.record("expected a location error, got \(error)")
            return
        }
        #expect(error.sentence.hasPrefix("the database URL '"))
        #expect(error.sentence.contains(reason))
        #expect(error.sentence.hasSuffix("."))
        #expect(!error.sentence.contains("\n"))
        #expect(!error.sentence.contains("s3cret-pw") && !error.sentence.contains("s3 cret-pw"))
        #expect(error.exitStatus == .badInput)
    }

    @Test func aRefusedConnectionIsOneSentenceWithoutThePassword() async throws {
        // Port 1 on loopback: nothing listens there.
        let error = try await #require(throws: StoreError.self) {
            try await PostgresStore.connect(url: "postgres://accord:s3cret-pw@127.0.0.1:1/accord")
        }
        #expect(
            error.sentence.hasPrefix(
                "the store failed: cannot connect to PostgreSQL at postgres://accord:***@127.0.0.1:1/accord: "))
        #expect(error.sentence.localizedCaseInsensitiveContains("refused"))
        #expect(!error.sentence.contains("s3cret-pw"))
        #expect(!error.sentence.contains("\n"))
        #expect(error.exitStatus == .failure)
    }

    @Test(.enabled(if: TestDatabases.runsPostgresTests, "ACCORD_TEST_POSTGRES_URL names no PostgreSQL server"))
    func aWrongPasswordIsOneSentenceWithoutEitherPassword() async throws {
        guard let server = TestDatabases.postgresURL() else { return }
        let password = try #require(URLComponents(string: server)?.password)
        let lines = LogLines()
        let error = try await #require(throws: StoreError.self) {
            try await PostgresStore.connect(
                url: TestDatabases.url(server, password: "wrong-s3cret"), logger: lines.logger())
        }
        #expect(error.sentence.hasPrefix("the store failed: cannot connect to PostgreSQL at postgres://"))
        #expect(error.sentence.contains("password authentication failed"))
        #expect(!error.sentence.contains("wrong-s3cret") && !error.sentence.contains(password))
        #expect(!error.sentence.contains("\n"))
        #expect(!lines.contains("wrong-s3cret"))
    }

    @Test(.enabled(if: TestDatabases.runsPostgresTests, "ACCORD_TEST_POSTGRES_URL names no PostgreSQL server"))
    func noLogLineCarriesThePassword() async throws {
        guard let server = TestDatabases.postgresURL() else { return }
        let password = try #require(URLComponents(string: server)?.password)
        let schema = TestDatabases.freshSchemaName()
        defer { Task { try? await TestDatabases.dropSchema(schema, serverURL: server) } }
        let lines = LogLines()
        let store = try await PostgresStore.connect(
            url: TestDatabases.url(server, schema: schema), logger: lines.logger())
        #expect(!store.displayURL.contains(password))
        try await store.saveScenario(StoredScenario(id: "logged", name: "Logged", text: "x", format: "yaml"))
        #expect(try await store.scenarios().map(\.id) == ["logged"])
        try await store.close()
        #expect(lines.count > 0)
        #expect(!lines.contains(password))
    }

    @Test(arguments: [
        ("postgres://accord:s3cret@db.example:5432/accord", "postgres://accord:***@db.example:5432/accord"),
        ("postgres://accord:s3c@r/t:x@db.example/accord", "postgres://accord:***@db.example/accord"),
        ("postgresql://accord:s3 cret@db example/accord", "postgresql://accord:***@db example/accord"),
        ("postgres://accord@db.example/accord", "postgres://accord@db.example/accord"),
        ("postgres://db.example:5432/accord", "postgres://db.example:5432/accord"),
    ])
    func aDisplayedURLHasNoPassword(url: String, displayed: String) {
        #expect(StoreLocation(argument: url).displayName == displayed)
    }

    private func appliedVersions(schema: String, server: String) async throws -> [String] {
        try await TestDatabases.query(
            "SELECT version FROM \(unescaped: schema).accord_schema_migrations ORDER BY version", serverURL: server
        ).map { try $0.decode(String.self) }
    }
}
