import Foundation

extension Scenario {
    /// The scenario restricted to the issues of an `--issues` option (analyze, simulate): the others are treated as
    /// settled elsewhere and the weights renormalised over these. Blank ids are ignored.
    public func restricted(toIssueList ids: [String]) throws(RequestError) -> Scenario {
        let ids = ids.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        do {
            return try restricted(to: ids)
        } catch {
            throw RequestError("--issues: \(error.description).")
        }
    }
}
