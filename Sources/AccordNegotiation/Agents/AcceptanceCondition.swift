/// The acceptance part of a BOA agent (Baarslag et al.'s acceptance conditions).
///
/// Every condition is checked only for offers that are individually rational for the agent (at least its
/// reservation value, no red line crossed); the agent rejects the others whatever the condition says.
public protocol AcceptanceCondition: Sendable {
    /// Whether to accept an offer of utility `offered` when the agent's own next bid would give it `next`,
    /// at time `t`, having received offers of at most `bestReceived` before.
    func accepts(offered: Double, next: Double, t: Double, bestReceived: Double) -> Bool
}
