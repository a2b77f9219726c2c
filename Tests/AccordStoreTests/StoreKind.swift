import AccordStore
import Foundation
import Testing

/// The stores every store test runs against: SQLite in memory, a SQLite file, and PostgreSQL when
/// `ACCORD_TEST_POSTGRES_URL` names a server (in CI, where `CI` is set, a missing server is a failure).
enum StoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqliteInMemory
    case sqliteFile
    case postgres

    var testDescription: String { rawValue }

    /// A fresh, empty store of this kind, or `nil` when this kind cannot run here (outside CI only).
    func makeStore() async throws -> (any WorkspaceStore)? {
        switch self {
        case .sqliteInMemory:
            return try SQLiteStore()
        case .sqliteFile:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "accord-store-" + UUID().uuidString)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            return try SQLiteStore(path: folder.appendingPathComponent("accord.sqlite").path)
        case .postgres:
            guard let url = TestDatabases.postgresURL() else { return nil }
            return try await TestDatabases.freshPostgresStore(url: url)
        }
    }
}
