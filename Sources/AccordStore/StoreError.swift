import AccordKit

/// A store that could not do what was asked: the database failed, refused the location, or the row exists.
public enum StoreError: AccordError, Equatable {
    /// The database could not be opened, migrated, read or written; the sentence says which and why.
    case database(String)
    /// A row with the same key exists.
    case conflict(String)
    /// The `--database` value names no store Accord can open.
    case location(String)
    /// The database cannot take the write now (its disk is full, or it cannot be reached); nothing was written,
    /// and the same request may succeed later. The server answers 503.
    case unavailable(String)

    public var sentence: String {
        switch self {
        case .database(let reason): "the store failed: \(reason)"
        case .conflict(let what): "\(what) already exists."
        case .location(let reason): reason
        case .unavailable(let reason):
            "the store cannot take this now: \(reason); nothing was written, try again later."
        }
    }

    public var exitStatus: ExitStatus {
        switch self {
        case .database, .unavailable: .failure
        case .conflict, .location: .badInput
        }
    }

    public var description: String { sentence }
}
