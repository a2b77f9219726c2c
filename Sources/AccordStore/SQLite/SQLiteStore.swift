import AccordKit
import Foundation
import GRDB

/// The embedded default ``WorkspaceStore``: one SQLite file through GRDB, in WAL mode, migrated on open. Times are
/// kept to the millisecond.
public final class SQLiteStore: WorkspaceStore {
    private let writer: any DatabaseWriter

    /// Opens (creating and migrating when needed) the database file at `path`.
    public init(path: String) throws {
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            writer = try DatabasePool(path: path, configuration: configuration)
            try SQLiteMigrations.migrator.migrate(writer)
        } catch {
            throw StoreError.database("cannot open the SQLite database '\(path)': \(Self.reason(error))")
        }
    }

    /// An in-memory database, for tests.
    public init() throws {
        do {
            writer = try DatabaseQueue()
            try SQLiteMigrations.migrator.migrate(writer)
        } catch {
            throw StoreError.database("cannot create an in-memory database: \(Self.reason(error))")
        }
    }

    public func scenarios() async throws -> [StoredScenario] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT s.* FROM scenario_version s JOIN scenario h ON h.id = s.id AND h.latest = s.version
                    WHERE h.deleted = 0 ORDER BY h.created_at, h.id
                    """
            ).map(Self.scenario)
        }
    }

    public func scenario(id: String) async throws -> StoredScenario? {
        try await read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT s.* FROM scenario_version s JOIN scenario h ON h.id = s.id AND h.latest = s.version
                    WHERE h.deleted = 0 AND h.id = ?
                    """, arguments: [id]
            ).map(Self.scenario)
        }
    }

    public func scenarioVersions(id: String) async throws -> [StoredScenario] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM scenario_version WHERE id = ? ORDER BY version", arguments: [id])
                .map(Self.scenario)
        }
    }

    public func saveScenario(_ scenario: StoredScenario) async throws {
        try await write { db in
            let exists = try Bool.fetchOne(
                db, sql: "SELECT 1 FROM scenario_version WHERE id = ? AND version = ?",
                arguments: [scenario.id, scenario.version])
            if exists == true { throw StoreError.conflict("version \(scenario.version) of scenario '\(scenario.id)'") }
            try db.execute(
                sql: """
                    INSERT INTO scenario_version (id, version, name, text, format, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    scenario.id, scenario.version, scenario.name, scenario.text, scenario.format,
                    StoreDate.sqliteText(scenario.createdAt),
                ])
            try db.execute(
                sql: """
                    INSERT INTO scenario (id, latest, deleted, created_at) VALUES (?, ?, 0, ?)
                    ON CONFLICT(id) DO UPDATE SET latest = excluded.latest, deleted = 0
                    """, arguments: [scenario.id, scenario.version, StoreDate.sqliteText(scenario.createdAt)])
        }
    }

    public func deleteScenario(id: String) async throws -> Bool {
        try await write { db in
            try db.execute(sql: "UPDATE scenario SET deleted = 1 WHERE id = ? AND deleted = 0", arguments: [id])
            return db.changesCount > 0
        }
    }

    public func insertRun(_ run: StoredRun) async throws {
        try await write { db in
            try db.execute(
                sql: "INSERT INTO run (\(Self.runColumns)) VALUES (\(Self.runPlaceholders))",
                arguments: Self.arguments(run))
            try Self.writeReports(of: run, in: db)
        }
    }

    public func updateRun(_ run: StoredRun) async throws {
        try await write { db in
            try db.execute(sql: "DELETE FROM run WHERE id = ?", arguments: [run.id])
            try db.execute(
                sql: "INSERT INTO run (\(Self.runColumns)) VALUES (\(Self.runPlaceholders))",
                arguments: Self.arguments(run))
            try Self.writeReports(of: run, in: db)
        }
    }

    public func run(id: String) async throws -> StoredRun? {
        try await read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM run WHERE id = ?", arguments: [id]) else {
                return nil
            }
            var run = try Self.run(row)
            for report in try Row.fetchAll(
                db, sql: "SELECT format, body FROM run_report WHERE run_id = ?", arguments: [id])
            {
                run.reports[report["format"]] = report["body"]
            }
            return run
        }
    }

    public func runs(matching filter: RunFilter) async throws -> [StoredRun] {
        try await read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let scenario = filter.scenarioID {
                conditions.append("scenario_id = ?")
                arguments += [scenario]
            }
            if let operation = filter.operation {
                conditions.append("operation = ?")
                arguments += [operation.rawValue]
            }
            let condition = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            arguments += [max(0, filter.limit)]
            return try Row.fetchAll(
                db, sql: "SELECT * FROM run \(condition) ORDER BY started_at DESC, id LIMIT ?", arguments: arguments
            ).map(Self.run)
        }
    }

    public func interruptUnfinishedRuns(at date: Date) async throws -> [StoredRun] {
        try await write { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM run WHERE status IN ('queued', 'running')")
            try db.execute(
                sql: "UPDATE run SET status = 'interrupted', finished_at = ? WHERE status IN ('queued', 'running')",
                arguments: [StoreDate.sqliteText(date)])
            return try rows.map(Self.run).map { run in
                var run = run
                run.record.status = .interrupted
                run.record.finishedAt = StoreDate.rounded(date)
                return run
            }
        }
    }

    public func close() async throws {
        if let pool = writer as? DatabasePool { try pool.close() }
    }

    // MARK: - Rows

    private static let runColumns =
        "id, operation, input_fingerprint, parameters, accord_version, started_at, finished_at, status, result, "
        + "error, scenario_id, scenario_version, request"
    private static let runPlaceholders = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"

    private static func arguments(_ run: StoredRun) -> StatementArguments {
        let record = run.record
        return [
            record.id, record.operation.rawValue, record.inputFingerprint, record.parameters, record.accordVersion,
            StoreDate.sqliteText(record.startedAt), record.finishedAt.map(StoreDate.sqliteText), record.status.rawValue,
            record.result, record.error,
            run.scenarioID, run.scenarioVersion, run.request,
        ]
    }

    private static func writeReports(of run: StoredRun, in db: Database) throws {
        try db.execute(sql: "DELETE FROM run_report WHERE run_id = ?", arguments: [run.id])
        for (format, body) in run.reports.sorted(by: { $0.key < $1.key }) {
            try db.execute(
                sql: "INSERT INTO run_report (run_id, format, body) VALUES (?, ?, ?)",
                arguments: [run.id, format, body])
        }
    }

    private static func run(_ row: Row) throws -> StoredRun {
        let operation: String = row["operation"]
        let status: String = row["status"]
        guard let kind = OperationKind(rawValue: operation), let runStatus = RunStatus(rawValue: status) else {
            throw StoreError.database("run \(row["id"] as String? ?? "?") has an unknown operation or status")
        }
        let record = RunRecord(
            id: row["id"], operation: kind, inputFingerprint: row["input_fingerprint"], parameters: row["parameters"],
            accordVersion: row["accord_version"], startedAt: StoreDate.rounded(row["started_at"]),
            finishedAt: (row["finished_at"] as Date?).map(StoreDate.rounded),
            status: runStatus, result: row["result"], error: row["error"])
        return StoredRun(
            record: record, scenarioID: row["scenario_id"], scenarioVersion: row["scenario_version"],
            request: row["request"])
    }

    private static func scenario(_ row: Row) -> StoredScenario {
        StoredScenario(
            id: row["id"], version: row["version"], name: row["name"], text: row["text"], format: row["format"],
            createdAt: StoreDate.rounded(row["created_at"]))
    }

    // MARK: - Access

    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await writer.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.database(Self.reason(error))
        }
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await writer.write(body)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL {
            // The transaction was rolled back: the write is not there, half or whole.
            throw StoreError.unavailable("the disk of the SQLite database is full")
        } catch {
            throw StoreError.database(Self.reason(error))
        }
    }

    static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }
}
