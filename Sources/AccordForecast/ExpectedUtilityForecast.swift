/// The outcome of an ``ExpectedUtilityModel`` run: one independent run per dimension of the scenario.
public struct ExpectedUtilityForecast: Sendable {
    /// The scenario that was run.
    public let scenario: SpatialScenario
    /// The parameters it ran with.
    public let parameters: ExpectedUtilityParameters
    /// runs[k]: the run on dimension k, or nil when every actor gives that dimension zero salience.
    public let runs: [ExpectedUtilityRun?]

    /// The forecast per dimension, on 0–100: the median voter position after the last round, or nil when every
    /// actor gives the dimension zero salience.
    public var forecasts: [Double?] { runs.map { $0?.forecast } }
}

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

/// The offer an actor accepted in a round of the expected-utility model.
public struct ExpectedUtilityMove: Sendable, Hashable {
    /// The actor whose offer was accepted.
    public let rival: Int
    /// How the dyad stood, as the accepting actor saw it.
    public let kind: ExpectedUtilityOfferKind
    /// The position the accepting actor moved to, on 0–100.
    public let position: Double
    /// E^i(U_ij): the accepting actor i's expected utility of challenging the rival j.
    public let expectedUtility: Double
    /// E^i(U_ji): i's estimate of the rival's expected utility of challenging i.
    public let rivalExpectedUtility: Double
}

/// The quadrant of (E^i(U_ij), E^i(U_ji)) in which an actor i yields to a rival j.
public enum ExpectedUtilityOfferKind: String, Sendable, Hashable, CaseIterable {
    /// Both expect to gain from a challenge, and j expects more: i loses the conflict and adopts j's position.
    case conflict
    /// i expects to lose by challenging, j to gain more than i would lose: i moves towards j in proportion.
    case compromise
    /// i expects to lose by challenging at least as much as j expects to gain: i adopts j's position.
    case capitulation
}

/// Why an ``ExpectedUtilityRun`` stopped.
public enum ExpectedUtilityStopReason: String, Sendable, Hashable, CaseIterable {
    /// A round moved no actor, so every later round would repeat it (also when all actors start at one position).
    case stable
    /// The run reached ``ExpectedUtilityParameters/maximumRounds``.
    case maximumRounds
}
