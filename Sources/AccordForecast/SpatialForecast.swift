/// The outcome of a run of the ``SpatialModel``: every state's positions and winning probabilities, and how much
/// each turn moved the state.
public struct SpatialForecast: Sendable {
    /// The scenario that was run.
    public let scenario: SpatialScenario
    /// The switches it ran with.
    public let parameters: SpatialModelParameters
    /// positions[t][i][k]: actor i's position on dimension k in state t (0 = the input), on 0–100.
    public let positions: [[[Double]]]
    /// winningProbabilities[t][i]: the probability that actor i's position prevails in state t. Actors sharing a
    /// position each show that position's probability, so a state's column can sum to more than 1.
    public let winningProbabilities: [[Double]]
    /// fractionalChanges[t − 1]: how far turn t moved the state, as a fraction of the first turn's move plus 10⁻⁴
    /// (KTAB's "Fractional change compared to first step").
    public let fractionalChanges: [Double]
    /// What each turn did.
    public let turns: [SpatialTurn]

    /// The number of turns run (one less than the number of states).
    public var turnCount: Int { turns.count }

    /// The final state's positions, per actor and dimension, on 0–100.
    public var finalPositions: [[Double]] { positions[positions.count - 1] }
}
