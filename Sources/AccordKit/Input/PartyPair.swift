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
