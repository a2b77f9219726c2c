import AccordCore
import AccordForecast
import AccordNegotiation

/// A scenario file's contents: the negotiation, and the optional sections for other commands.
public struct ScenarioDocument: Sendable {
    /// The negotiation.
    public var scenario: Scenario
    /// The `forecast:` section: a scenario for the spatial model of politics.
    public var forecast: SpatialScenario?
    /// The `protocol:` section: how `accord simulate` runs the negotiation by default.
    public var simulation: SimulationSetup?

    public init(scenario: Scenario, forecast: SpatialScenario? = nil, simulation: SimulationSetup? = nil) {
        self.scenario = scenario
        self.forecast = forecast
        self.simulation = simulation
    }
}
