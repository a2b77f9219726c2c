import AccordKit

/// A store that could not do what was asked: the database failed, refused the location, or the row exists.
public enum StoreError: AccordError, Equatable {
    /// The database could not be opened, migrated, read or written; the sentence says which and why.
    case database(String)
    /// A row with the same key exists.
    case conflict(String)
    /// The `--database` value names no store Accord can open.
    case location(String)

    public var sentence: String {
        switch self {
        case .database(let reason): "the store failed: \(reason)"
        case .conflict(let what): "\(what) already exists."
        case .location(let reason): reason
        }
    }

    public var exitStatus: ExitStatus {
        switch self {
        case .database: .failure
        case .conflict, .location: .badInput
        }
    }

    public var description: String { sentence }
}
