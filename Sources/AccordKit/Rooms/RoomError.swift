/// A room request that cannot be done: bad input (with its key-path problems), a step the room's state does not
/// allow, something the caller's role may not do, or a thing that does not exist. Its sentence never echoes a
/// preference value of anyone but the caller.
public struct RoomError: AccordError, Equatable {
    /// What kind of refusal this is; the server answers 422, 409, 403 and 404.
    public enum Kind: String, Sendable, Equatable {
        /// The input is invalid (422).
        case invalid
        /// The room's state does not allow the step now (409).
        case conflict
        /// The caller's role may not do this (403).
        case forbidden
        /// The thing named does not exist (404).
        case notFound
    }

    /// The kind of refusal.
    public var kind: Kind
    /// The sentence, without its closing full stop.
    public var description: String
    /// Every problem of an invalid input, each with its key path.
    public var problems: [RoomProblem]

    /// Creates the error.
    public init(_ kind: Kind, _ description: String, problems: [RoomProblem] = []) {
        self.kind = kind
        self.description = description
        self.problems = problems
    }

    /// The error for a list of problems: its sentence counts them and quotes the first.
    static func invalid(_ what: String, _ problems: [RoomProblem]) -> RoomError {
        let count = problems.count
        return RoomError(
            .invalid,
            "\(what) has \(count) problem\(count == 1 ? "" : "s")"
                + (problems.first.map { "; the first: \($0)" } ?? ""),
            problems: problems)
    }
}
