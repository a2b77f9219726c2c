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
