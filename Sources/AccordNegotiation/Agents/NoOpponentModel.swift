/// No opponent model: the agent ignores what the others want.
public struct NoOpponentModel: OpponentModel {
    public init() {}
    public var isActive: Bool { false }
    public mutating func observe(offer: Int, from party: Int) {}
    public func opponentsUtility(of outcome: Int) -> Double { 0 }
    public func utility(of outcome: Int, for party: Int) -> Double { 0 }
}
