/// Why a scenario cannot be restricted to a list of issues.
public enum RestrictionError: AccordError, Sendable, Equatable {
    case empty
    case unknownIssue(String, known: [String])
    case repeatedIssue(String)
    /// A party's utility is not linear additive (a GENIUS utility capped at 1, a hyper-rectangle utility), so it
    /// has no per-issue part to keep.
    case unsupportedUtility(party: String)

    public var description: String {
        switch self {
        case .empty: "the list of issues is empty"
        case .unknownIssue(let id, let known): "there is no issue '\(Echo.cut(id))'; issues are: \(Echo.list(known))"
        case .repeatedIssue(let id): "the issue '\(id)' is listed twice"
        case .unsupportedUtility(let party):
            "the utility of '\(party)' is not linear additive, so it cannot be restricted to some of the issues"
        }
    }
}
