import AccordCore

/// Why a negotiation scenario's issues cannot be forecast by the spatial model of politics.
public enum IssueAxisError: AccordError, Sendable, Hashable {
    /// No issue was chosen.
    case noIssue
    /// The scenario has no issue with this id.
    case unknownIssue(id: String, available: [String])
    /// The same issue was chosen twice.
    case repeatedIssue(id: String)
    /// The issue has a single level, so there is nothing to forecast.
    case singleLevel(issue: String)
    /// The party's preferences have no weight and value function per issue.
    case notAdditive(party: String)
    /// Fewer than 3 parties weigh the chosen issues.
    case tooFewParties(count: Int, issues: [String], leftOut: [String])

    public var description: String {
        switch self {
        case .noIssue:
            return "choose at least one issue to forecast"
        case .unknownIssue(let id, let available):
            return "there is no issue '\(Echo.cut(id))'; issues are: \(Echo.list(available))"
        case .repeatedIssue(let id):
            return "issue '\(id)' is chosen twice"
        case .singleLevel(let issue):
            return "issue '\(issue)' has a single level, so there is nothing to forecast"
        case .notAdditive(let party):
            return
                "party '\(party)' has no weight and value function per issue, which the mapping onto 0–100 needs"
        case .tooFewParties(let count, let issues, let leftOut):
            let which = issues.map { "'\($0)'" }.joined(separator: ", ")
            var text =
                "the spatial model needs at least 3 actors, but \(count) part\(count == 1 ? "y weighs" : "ies weigh") \(which)"
            if !leftOut.isEmpty { text += " (left out: \(leftOut.joined(separator: ", ")))" }
            return text
        }
    }
}
