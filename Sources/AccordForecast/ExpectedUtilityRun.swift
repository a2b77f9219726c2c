/// A run of the expected-utility model on one dimension, round by round.
public struct ExpectedUtilityRun: Sendable, Hashable {
    /// positions[t][i]: actor i's position after round t (t = 0 is the input), on 0–100.
    public let positions: [[Double]]
    /// medianVoterPositions[t]: the median voter position μ of state t, on 0–100.
    public let medianVoterPositions: [Double]
    /// riskExponents[t − 1][i]: the risk exponent r_i actor i bargained with in round t, from ½ to 2.
    public let riskExponents: [[Double]]
    /// moves[t − 1][i]: the offer actor i accepted in round t, or nil when it kept its position.
    public let moves: [[ExpectedUtilityMove?]]
    /// Why the run stopped.
    public let stopReason: ExpectedUtilityStopReason

    /// The number of rounds run (one less than the number of states).
    public var roundCount: Int { moves.count }

    /// The forecast: the median voter position after the last round, on 0–100.
    public var forecast: Double { medianVoterPositions[medianVoterPositions.count - 1] }

    /// The positions after the last round, on 0–100.
    public var finalPositions: [Double] { positions[positions.count - 1] }
}
