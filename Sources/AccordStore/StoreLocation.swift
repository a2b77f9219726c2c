/// Where a ``WorkspaceStore`` lives, as `--database` names it: a SQLite file path, or a `postgres://` URL.
public enum StoreLocation: Sendable, Equatable {
    /// A SQLite database file (created with its folder's permissions when missing).
    case sqlite(path: String)
    /// A PostgreSQL database, `postgres://user:password@host:port/database` (`postgresql://` too).
    case postgres(url: String)

    /// The location that a `--database` value names; `accord.sqlite` in the working folder when there is none.
    public init(argument: String?) {
        guard let argument, !argument.isEmpty else {
            self = .sqlite(path: "accord.sqlite")
            return
        }
        if argument.hasPrefix("postgres://") || argument.hasPrefix("postgresql://") {
            self = .postgres(url: argument)
        } else {
            self = .sqlite(path: argument)
        }
    }

    /// Opens the store, creating and migrating its tables when needed.
    public func open() async throws -> any WorkspaceStore {
        switch self {
        case .sqlite(let path): try SQLiteStore(path: path)
        case .postgres(let url): try await PostgresStore.connect(url: url)
        }
    }

    /// The location for messages: the SQLite path, or the URL without its password.
    public var displayName: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let url): PostgresURL.redactingPassword(url)
        }
    }
}
