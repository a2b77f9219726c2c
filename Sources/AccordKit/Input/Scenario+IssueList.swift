import Foundation

extension Scenario {
    /// The scenario restricted to the issues of an `--issues` request (analyze, simulate): as if the others were
    /// settled elsewhere, with each party's weights renormalised over the kept ones (``restricted(to:)``).
    ///
    /// - Parameter list: issue ids separated by commas, as the command line takes them; spaces around an id and
    ///   empty entries are ignored.
    /// - Throws: ``RequestError`` naming `--issues` for an unknown or repeated issue, an empty list, or utilities
    ///   that cannot be restricted.
    public func restricted(toIssueList list: String) throws(RequestError) -> Scenario {
        let ids = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return try restricted(toIssues: ids)
    }

    /// The scenario restricted to the given issues (the ids of an `--issues` request, already split).
    ///
    /// - Throws: ``RequestError`` naming `--issues`, as ``restricted(toIssueList:)``.
    public func restricted(toIssues ids: [String]) throws(RequestError) -> Scenario {
        do {
            return try restricted(to: ids)
        } catch {
            throw RequestError("--issues: \(error.description).")
        }
    }
}
