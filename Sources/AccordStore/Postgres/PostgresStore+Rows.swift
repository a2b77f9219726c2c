import AccordKit
import Foundation
import Logging
import PostgresNIO

// Rows, queries and errors of ``PostgresStore``.
extension PostgresStore {
    static let scenarioColumns = "s.id, s.version, s.name, s.text, s.format, s.created_at"
    static let runColumns =
        "id, operation, input_fingerprint, parameters, accord_version, started_at, finished_at, status, result, "
        + "error, scenario_id, scenario_version, request"

    static func insert(_ run: StoredRun, on connection: PostgresConnection, logger: Logger) async throws {
        let record = run.record
        let startedAt = StoreDate.rounded(record.startedAt)
        let finishedAt = record.finishedAt.map(StoreDate.rounded)
        try await rows(
            """
            INSERT INTO run (\(unescaped: runColumns)) VALUES (
                \(record.id), \(record.operation.rawValue), \(record.inputFingerprint), \(record.parameters),
                \(record.accordVersion), \(startedAt), \(finishedAt), \(record.status.rawValue), \(record.result),
                \(record.error), \(run.scenarioID), \(run.scenarioVersion), \(run.request))
            """, on: connection, logger: logger)
        try await rows("DELETE FROM run_report WHERE run_id = \(run.id)", on: connection, logger: logger)
        for (format, body) in run.reports.sorted(by: { $0.key < $1.key }) {
            try await rows(
                "INSERT INTO run_report (run_id, format, body) VALUES (\(run.id), \(format), \(body))",
                on: connection, logger: logger)
        }
    }

    static func run(_ row: PostgresRow) throws -> StoredRun {
        let columns:
            (String, String, String, String, String, Date, Date?, String, String?, String?, String?, Int?, String)
        do {
            columns = try row.decode(
                (String, String, String, String, String, Date, Date?, String, String?, String?, String?, Int?, String)
                    .self)
        } catch {
            throw StoreError.database("a run cannot be read: \(reason(error))")
        }
        let (id, operation, fingerprint, parameters, version, startedAt, finishedAt, status, result, error) = (
            columns.0, columns.1, columns.2, columns.3, columns.4, columns.5, columns.6, columns.7, columns.8,
            columns.9
        )
        guard let kind = OperationKind(rawValue: operation), let runStatus = RunStatus(rawValue: status) else {
            throw StoreError.database("run \(id) has an unknown operation or status")
        }
        let record = RunRecord(
            id: id, operation: kind, inputFingerprint: fingerprint, parameters: parameters, accordVersion: version,
            startedAt: StoreDate.rounded(startedAt), finishedAt: finishedAt.map(StoreDate.rounded), status: runStatus,
            result: result, error: error)
        return StoredRun(record: record, scenarioID: columns.10, scenarioVersion: columns.11, request: columns.12)
    }

    static func scenario(_ row: PostgresRow) throws -> StoredScenario {
        do {
            let (id, version, name, text, format, createdAt) = try row.decode(
                (String, Int, String, String, String, Date).self)
            return StoredScenario(
                id: id, version: version, name: name, text: text, format: format,
                createdAt: StoreDate.rounded(createdAt))
        } catch {
            throw StoreError.database("a scenario cannot be read: \(reason(error))")
        }
    }

    // MARK: - Access

    /// Every row of a query run on the pool.
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        let (client, logger) = (client, logger)
        do {
            return try await StoreDeadline.run(Self.deadline) {
                try await client.query(query, logger: logger).collect()
            }
        } catch {
            throw Self.failure(error)
        }
    }

    /// The longest a query or a transaction may take. Past it the caller gets an error and moves on: a request
    /// that holds a room's turn must not hold it for ever when a connection hangs (seen, now and then, on a query
    /// in flight while PostgreSQL restarts).
    static let deadline: Duration = .seconds(20)

    /// Every row of a query run on a connection (in a transaction).
    @discardableResult
    static func rows(_ query: PostgresQuery, on connection: PostgresConnection, logger: Logger) async throws
        -> [PostgresRow]
    {
        try await connection.query(query, logger: logger).collect()
    }

    /// Runs `body` in one transaction on one connection of the pool: committed when it returns, rolled back when
    /// it throws. A ``StoreError`` it throws comes out as it is.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T
    {
        let (client, logger) = (client, logger)
        do {
            return try await StoreDeadline.run(Self.deadline) {
                try await client.withTransaction(logger: logger) { connection in
                    try await body(connection)
                }
            }
        } catch let error as PostgresTransactionError {
            if let storeError = error.closureError as? StoreError { throw storeError }
            throw Self.failure(error)
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.failure(error)
        }
    }

    /// The store error of a failed query: ``StoreError/unavailable(_:)`` when PostgreSQL could not be reached or
    /// was shutting down or out of disk (the write did not happen; the pool connects again, so a retry may
    /// succeed: the server answers 503), ``StoreError/database(_:)`` otherwise.
    static func failure(_ error: any Error) -> StoreError {
        var inner: any Error = error
        if let transaction = error as? PostgresTransactionError {
            // A failed commit may have committed: that is not "nothing was written".
            guard let first = transaction.beginError ?? transaction.closureError else {
                return .database(reason(error))
            }
            inner = first
        }
        guard let error = inner as? PSQLError else { return .database(reason(inner)) }
        switch error.code {
        case .connectionError, .serverClosedConnection, .uncleanShutdown:
            return .unavailable("PostgreSQL cannot be reached (\(reason(error)))")
        case .server:
            // Class 08: connection exceptions; 57: the server shutting down; 53100: its disk is full.
            let state = error.serverInfo?[.sqlState] ?? ""
            if state.hasPrefix("08") || state.hasPrefix("57") || state == "53100" {
                return .unavailable("PostgreSQL cannot take it now (\(reason(error)))")
            }
            return .database(reason(error))
        default:
            return .database(reason(error))
        }
    }

    /// What went wrong, in a few words on one line: the server's message, or the connection's failure.
    /// postgres-nio's own descriptions hide everything on purpose; these parts carry no password.
    static func reason(_ error: any Error) -> String {
        let text: String
        switch error {
        case let error as PostgresTransactionError:
            let inner = error.closureError ?? error.beginError ?? error.commitError ?? error.rollbackError
            text = inner.map(reason) ?? "the transaction failed"
        case let error as PSQLError:
            text = reason(error)
        case let error as PostgresDecodingError:
            text = "column \(error.columnName) holds an unexpected \(error.postgresType) value"
        case let error as StoreError:
            text = error.sentence
        default:
            text = "\(error)"
        }
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    private static func reason(_ error: PSQLError) -> String {
        switch error.code {
        case .server:
            let message = error.serverInfo?[.message] ?? "the server refused the request"
            let state = error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
            return message + state
        case .connectionError:
            return error.underlying.map(connectionReason) ?? "the connection failed"
        case .sslUnsupported:
            return "the server does not offer TLS (sslmode=disable connects without it)"
        case .serverClosedConnection, .uncleanShutdown:
            return "the server closed the connection"
        case .poolClosed, .clientClosedConnection:
            return "the store is closed"
        default:
            return error.underlying.map { "\(error.code): \($0)" } ?? "\(error.code)"
        }
    }

    /// Why a connection could not be made: the system's words for the socket's error ("Connection refused"), a
    /// host name that does not resolve, or a timeout.
    private static func connectionReason(_ error: any Error) -> String {
        switch error {
        case let error as NIOConnectionError:
            if let failure = error.connectionErrors.first { return connectionReason(failure.error) }
            if error.dnsAError != nil || error.dnsAAAAError != nil {
                return "the host name \(error.host) does not resolve"
            }
            return "no address of \(error.host) accepted the connection"
        case let error as IOError:
            return String(cString: strerror(error.errnoCode))
        case ChannelError.connectTimeout(let timeout):
            return "no answer within \(timeout.nanoseconds / 1_000_000_000) s"
        default:
            return "\(error)"
        }
    }
}
