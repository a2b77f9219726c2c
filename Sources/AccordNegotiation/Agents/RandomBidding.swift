import AccordCore

/// Random bidding: a uniformly random outcome among those at least as good as the reservation value.
public struct RandomBidding: BiddingStrategy {
    public init() {}

    public func target(at t: Double, view: AgentView) -> Double { view.floor }

    public mutating func nextBid<Model: OpponentModel>(
        state: TurnState, view: AgentView, model: Model, generator: inout SeededGenerator
    ) -> Int {
        let last = view.ranking.position(atLeast: view.floor)
        return Int(view.ranking.outcomes[Int.random(in: 0...last, using: &generator)])
    }
}
