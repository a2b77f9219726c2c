import AccordStore

/// Fresh databases for tests.
enum TestDatabases {
    /// A PostgreSQL store on a new, empty schema or database, so that tests do not see each other's rows.
    static func freshPostgresStore(url: String) async throws -> any WorkspaceStore {
        try await StoreLocation.postgres(url: url).open()
    }
}
