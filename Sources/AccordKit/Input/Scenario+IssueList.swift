import Foundation

extension Scenario {
    /// The scenario restricted to the issues of an `--issues` request (analyze, simulate): as if the others were
    /// settled elsewhere, with each party's weights renormalised over the kept ones (``restricted(to:)``).
    ///
    /// - Parameter ids: the issue ids; spaces around an id and empty entries are ignored.
    /// - Throws: ``RequestError`` naming `--issues` for an unknown or repeated issue, an empty list, or utilities
    ///   that cannot be restricted.
    public func restricted(toIssues ids: [String]) throws(RequestError) -> Scenario {
        let ids = ids.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        do {
            return try restricted(to: ids)
        } catch {
            throw RequestError("--issues: \(error.description).")
        }
    }
}
