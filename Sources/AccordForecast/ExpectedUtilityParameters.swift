/// The parameters of the ``ExpectedUtilityModel`` that the published model leaves open.
public struct ExpectedUtilityParameters: Sendable, Hashable {
    /// Q: the probability that, if i does not challenge j, the status quo holds; 0–1.
    public var statusQuoProbability: Double
    /// T: the probability that, if the status quo does not hold, j's position moves to i's advantage; 0–1. It
    /// matters only when Q < 1.
    public var improvementProbability: Double
    /// The most rounds to run; at least 1.
    public var maximumRounds: Int

    /// Creates parameters.
    ///
    /// - Precondition: Q and T in 0–1, `maximumRounds` ≥ 1.
    public init(statusQuoProbability: Double = 1, improvementProbability: Double = 1, maximumRounds: Int = 10) {
        precondition((0...1).contains(statusQuoProbability), "Q must lie in 0–1")
        precondition((0...1).contains(improvementProbability), "T must lie in 0–1")
        precondition(maximumRounds >= 1, "the expected-utility model runs at least one round")
        self.statusQuoProbability = statusQuoProbability
        self.improvementProbability = improvementProbability
        self.maximumRounds = maximumRounds
    }

    /// Q = 1 (the status quo holds unless challenged, so T plays no part) and at most 10 rounds.
    public static let scholz2011 = ExpectedUtilityParameters()
}

extension SpatialForecast {
    /// The Bueno de Mesquita expected-utility model run on the scenario's initial positions, the baseline reported
    /// beside the forecast (``ExpectedUtilityParameters/scholz2011``).
    public var expectedUtilityBaseline: ExpectedUtilityForecast {
        ExpectedUtilityModel(validated: scenario).run()
    }
}
