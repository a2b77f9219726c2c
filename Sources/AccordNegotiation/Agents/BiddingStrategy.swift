import AccordCore

/// The bidding part of a BOA agent: which outcome to offer now, and the utility it aims for.
public protocol BiddingStrategy: Sendable {
    /// The utility the agent aims for at time t (used by acceptance conditions and draft replies).
    func target(at t: Double, view: AgentView) -> Double
    /// The outcome to offer now.
    mutating func nextBid<Model: OpponentModel>(
        state: TurnState, view: AgentView, model: Model, generator: inout SeededGenerator
    ) -> Int
}
