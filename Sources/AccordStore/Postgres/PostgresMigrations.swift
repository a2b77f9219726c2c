import Logging
import PostgresNIO

/// The PostgreSQL schema, as versioned migrations: the tables of ``SQLiteMigrations`` with PostgreSQL's types.
///
/// `accord_schema_migrations` lists the versions applied. ``migrate(_:logger:)`` applies the others in order, in one
/// transaction that first takes a transaction-scoped advisory lock: two servers starting at once on one database
/// take turns, and the second finds nothing left to do. A migration that fails leaves the database as it was.
enum PostgresMigrations {
    /// One step of the schema: a version name and its statements.
    struct Migration: Sendable {
        var version: String
        var statements: [String]
    }

    /// The key of the advisory lock the migrations hold ("Accord" in ASCII).
    static let lockKey: Int64 = 0x4163_636F_7264

    /// Every migration, oldest first. A released migration is never edited: a change is a new one.
    static let all: [Migration] = [
        Migration(
            version: "v1",
            statements: [
                """
                CREATE TABLE scenario (
                    id TEXT PRIMARY KEY, latest BIGINT NOT NULL, deleted BOOLEAN NOT NULL DEFAULT FALSE,
                    created_at TIMESTAMPTZ NOT NULL)
                """,
                """
                CREATE TABLE scenario_version (
                    id TEXT NOT NULL, version BIGINT NOT NULL, name TEXT NOT NULL, text TEXT NOT NULL,
                    format TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL, PRIMARY KEY (id, version))
                """,
                """
                CREATE TABLE run (
                    id TEXT PRIMARY KEY, operation TEXT NOT NULL, input_fingerprint TEXT NOT NULL,
                    parameters TEXT NOT NULL, accord_version TEXT NOT NULL, started_at TIMESTAMPTZ NOT NULL,
                    finished_at TIMESTAMPTZ, status TEXT NOT NULL, result TEXT, error TEXT, scenario_id TEXT,
                    scenario_version BIGINT, request TEXT NOT NULL)
                """,
                "CREATE INDEX run_by_scenario ON run (scenario_id, started_at)",
                "CREATE INDEX run_by_status ON run (status)",
                """
                CREATE TABLE run_report (
                    run_id TEXT NOT NULL REFERENCES run (id) ON DELETE CASCADE, format TEXT NOT NULL,
                    body TEXT NOT NULL, PRIMARY KEY (run_id, format))
                """,
            ]),
        Migration(version: "rooms-v1", statements: RoomSchema.postgres),
    ]

    /// Applies the migrations that `accord_schema_migrations` does not list, and returns their versions (empty
    /// when the database is up to date). With `schema`, creates that schema first when it is missing (the
    /// connection's `search_path` names it).
    static func migrate(_ connection: PostgresConnection, schema: String?, logger: Logger) async throws -> [String] {
        try await connection.withTransaction(logger: logger) { connection in
            try await run("SELECT pg_advisory_xact_lock(\(lockKey))", on: connection, logger: logger)
            if let schema {
                try await run("CREATE SCHEMA IF NOT EXISTS \(unescaped: schema)", on: connection, logger: logger)
            }
            try await run(
                """
                CREATE TABLE IF NOT EXISTS accord_schema_migrations (
                    version TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())
                """, on: connection, logger: logger)
            var applied: Set<String> = []
            for try await version in try await connection.query(
                "SELECT version FROM accord_schema_migrations", logger: logger
            ).decode(String.self) {
                applied.insert(version)
            }
            var versions: [String] = []
            for migration in all where !applied.contains(migration.version) {
                for statement in migration.statements {
                    try await run(PostgresQuery(unsafeSQL: statement), on: connection, logger: logger)
                }
                try await run(
                    "INSERT INTO accord_schema_migrations (version) VALUES (\(migration.version))", on: connection,
                    logger: logger)
                versions.append(migration.version)
            }
            return versions
        }
    }

    /// Runs a statement and reads its rows to the end.
    private static func run(_ query: PostgresQuery, on connection: PostgresConnection, logger: Logger) async throws {
        for try await _ in try await connection.query(query, logger: logger) {}
    }
}
