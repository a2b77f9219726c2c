// Temporary: replaced by the PostgreSQL implementation on its branch.
enum PostgresStore {
    static func connect(url: String) async throws -> any WorkspaceStore {
        throw StoreError.location("PostgreSQL stores are not in this build yet.")
    }
}
