import AccordKit
import Foundation
import Logging
import PostgresNIO

/// The ``WorkspaceStore`` for teams: a PostgreSQL database through postgres-nio's connection pool, migrated on
/// connect, with the same tables and the same behaviour as ``SQLiteStore`` (times kept to the millisecond).
///
/// Open it with ``connect(url:logger:)``, use it from any task, and ``close()`` it once. Every write is one
/// transaction.
public final class PostgresStore: WorkspaceStore {
    let client: PostgresClient
    let logger: Logger
    private let running: Task<Void, Never>

    /// The store's URL without its password.
    public let displayURL: String

    /// The migration versions that ``connect(url:logger:)`` applied (empty when the database was up to date).
    public let appliedMigrations: [String]

    private init(client: PostgresClient, logger: Logger, displayURL: String, appliedMigrations: [String]) {
        self.client = client
        self.logger = logger
        self.displayURL = displayURL
        self.appliedMigrations = appliedMigrations
        running = Task { await client.run() }
    }

    deinit { running.cancel() }

    /// Connects to the database a `postgres://user:password@host:port/database` URL names (`postgresql://` too;
    /// see the parameters below), applies the migrations it lacks, and starts the connection pool.
    ///
    /// TLS is off unless the URL asks for it with `sslmode=require` (or `verify-ca`, `verify-full`: the certificate
    /// is always verified). `schema=name` keeps the tables in that schema, created when missing.
    ///
    /// - Parameters:
    ///   - url: The database URL.
    ///   - logger: Where postgres-nio logs (nothing by default). No line carries the password.
    /// - Throws: ``StoreError/location(_:)`` when the URL cannot be used; ``StoreError/database(_:)`` when the
    ///   server cannot be reached, refuses the login, or the migration fails. No sentence carries the password.
    public static func connect(url: String, logger: Logger? = nil) async throws -> PostgresStore {
        let location = try PostgresURL(url)
        let logger = logger ?? Logger(label: "accord.store.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(
                configuration: try location.connectionConfiguration(), id: 0, logger: logger)
        } catch {
            throw StoreError.database("cannot connect to PostgreSQL at \(location.redacted): \(reason(error))")
        }
        let applied: [String]
        do {
            applied = try await PostgresMigrations.migrate(connection, schema: location.schema, logger: logger)
            try? await connection.close()
        } catch {
            try? await connection.close()
            throw StoreError.database(
                "cannot migrate the PostgreSQL database at \(location.redacted): \(reason(error))")
        }
        let client = PostgresClient(configuration: location.clientConfiguration(), backgroundLogger: logger)
        return PostgresStore(
            client: client, logger: logger, displayURL: location.redacted, appliedMigrations: applied)
    }

    public func scenarios() async throws -> [StoredScenario] {
        try await rows(
            """
            SELECT \(unescaped: Self.scenarioColumns) FROM scenario_version s
            JOIN scenario h ON h.id = s.id AND h.latest = s.version
            WHERE NOT h.deleted ORDER BY h.created_at, h.id COLLATE "C"
            """
        ).map(Self.scenario)
    }

    public func scenario(id: String) async throws -> StoredScenario? {
        try await rows(
            """
            SELECT \(unescaped: Self.scenarioColumns) FROM scenario_version s
            JOIN scenario h ON h.id = s.id AND h.latest = s.version
            WHERE NOT h.deleted AND h.id = \(id)
            """
        ).first.map(Self.scenario)
    }

    public func scenarioVersions(id: String) async throws -> [StoredScenario] {
        try await rows(
            "SELECT \(unescaped: Self.scenarioColumns) FROM scenario_version s WHERE s.id = \(id) ORDER BY s.version"
        ).map(Self.scenario)
    }

    public func saveScenario(_ scenario: StoredScenario) async throws {
        let createdAt = StoreDate.rounded(scenario.createdAt)
        try await transaction { connection in
            let inserted = try await Self.rows(
                """
                INSERT INTO scenario_version (id, version, name, text, format, created_at)
                VALUES (\(scenario.id), \(scenario.version), \(scenario.name), \(scenario.text), \(scenario.format),
                    \(createdAt))
                ON CONFLICT DO NOTHING RETURNING 1
                """, on: connection, logger: self.logger)
            if inserted.isEmpty {
                throw StoreError.conflict("version \(scenario.version) of scenario '\(scenario.id)'")
            }
            try await Self.rows(
                """
                INSERT INTO scenario (id, latest, deleted, created_at)
                VALUES (\(scenario.id), \(scenario.version), FALSE, \(createdAt))
                ON CONFLICT (id) DO UPDATE SET latest = excluded.latest, deleted = FALSE
                """, on: connection, logger: self.logger)
        }
    }

    public func deleteScenario(id: String) async throws -> Bool {
        try await transaction { connection in
            let deleted = try await Self.rows(
                "UPDATE scenario SET deleted = TRUE WHERE id = \(id) AND NOT deleted RETURNING id", on: connection,
                logger: self.logger)
            return !deleted.isEmpty
        }
    }

    public func insertRun(_ run: StoredRun) async throws {
        try await transaction { connection in
            try await Self.insert(run, on: connection, logger: self.logger)
        }
    }

    public func updateRun(_ run: StoredRun) async throws {
        try await transaction { connection in
            try await Self.rows("DELETE FROM run WHERE id = \(run.id)", on: connection, logger: self.logger)
            try await Self.insert(run, on: connection, logger: self.logger)
        }
    }

    public func run(id: String) async throws -> StoredRun? {
        // One statement, so the run and its reports come from one snapshot.
        guard
            let row = try await rows(
                """
                SELECT \(unescaped: Self.runColumns),
                    ARRAY(SELECT format FROM run_report WHERE run_id = run.id ORDER BY format),
                    ARRAY(SELECT body FROM run_report WHERE run_id = run.id ORDER BY format)
                FROM run WHERE id = \(id)
                """
            ).first
        else { return nil }
        var run = try Self.run(row)
        let cells = row.makeRandomAccess()
        do {
            let formats = try cells[13].decode([String].self)
            let bodies = try cells[14].decode([String].self)
            run.reports = Dictionary(zip(formats, bodies), uniquingKeysWith: { first, _ in first })
        } catch {
            throw StoreError.database("the reports of run \(id) cannot be read: \(Self.reason(error))")
        }
        return run
    }

    public func runs(matching filter: RunFilter) async throws -> [StoredRun] {
        var bindings = PostgresBindings()
        var conditions: [String] = []
        if let scenario = filter.scenarioID {
            bindings.append(scenario)
            conditions.append("scenario_id = $\(bindings.count)")
        }
        if let operation = filter.operation {
            bindings.append(operation.rawValue)
            conditions.append("operation = $\(bindings.count)")
        }
        bindings.append(max(0, filter.limit))
        let condition = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let sql =
            "SELECT \(Self.runColumns) FROM run \(condition) ORDER BY started_at DESC, id COLLATE \"C\" "
            + "LIMIT $\(bindings.count)"
        return try await rows(PostgresQuery(unsafeSQL: sql, binds: bindings)).map(Self.run)
    }

    public func interruptUnfinishedRuns(at date: Date) async throws -> [StoredRun] {
        let finishedAt = StoreDate.rounded(date)
        return try await transaction { connection in
            try await Self.rows(
                """
                WITH interrupted AS (
                    UPDATE run SET status = 'interrupted', finished_at = \(finishedAt)
                    WHERE status IN ('queued', 'running') RETURNING \(unescaped: Self.runColumns))
                SELECT * FROM interrupted ORDER BY started_at, id COLLATE "C"
                """, on: connection, logger: self.logger
            ).map(Self.run)
        }
    }

    /// Stops the connection pool, closing its connections; waits until it has.
    public func close() async throws {
        running.cancel()
        await running.value
    }
}
