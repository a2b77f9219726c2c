import Foundation

/// Two parties named by id, such as the axes of the HTML utility-space chart (`--plot x,y`).
public struct PartyPair: Sendable, Hashable {
    /// The party on the horizontal axis.
    public var x: String
    /// The party on the vertical axis.
    public var y: String

    /// Creates the pair.
    public init(x: String, y: String) {
        self.x = x
        self.y = y
    }

    /// Reads `x,y`: two different, non-empty party ids separated by a comma (`--plot us,russia`).
    ///
    /// - Throws: ``RequestError`` saying how to write the pair.
    public init(parsing text: String) throws(RequestError) {
        let ids = text.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard ids.count == 2, !ids[0].isEmpty, !ids[1].isEmpty else {
            throw RequestError(
                "--plot takes two party ids separated by a comma, such as us,russia; found '\(Echo.cut(text))'.")
        }
        guard ids[0] != ids[1] else {
            throw RequestError("--plot needs two different parties, found '\(Echo.cut(ids[0]))' twice.")
        }
        self.init(x: ids[0], y: ids[1])
    }

    /// The parties' indices in `scenario`.
    public func indices(in scenario: Scenario) throws(RequestError) -> (x: Int, y: Int) {
        let known = Echo.list(scenario.parties.map(\.id))
        guard let x = scenario.partyIndex(of: x) else {
            throw RequestError("--plot: there is no party '\(Echo.cut(self.x))'; parties are: \(known).")
        }
        guard let y = scenario.partyIndex(of: y) else {
            throw RequestError("--plot: there is no party '\(Echo.cut(self.y))'; parties are: \(known).")
        }
        return (x, y)
    }
}
