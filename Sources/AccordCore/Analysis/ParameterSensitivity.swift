/// How the agreement zone and the Nash package respond to one parameter, the others held fixed.
public struct ParameterSensitivity: Sendable, Hashable {
    /// The parameter varied: a party's weight on an issue or its reservation value.
    public var parameter: SensitivityParameter
    /// The parameter's value in the scenario.
    public var current: Double
    /// The nearest value below `current` (at least 0) at which the zone turns empty or non-empty; `nil` when none.
    public var zoneChangeBelow: Double?
    /// The nearest value above `current` (at most 1) at which the zone turns empty or non-empty; `nil` when none.
    public var zoneChangeAbove: Double?
    /// The interval around `current` over which the Nash package stays the same (the tornado bar).
    public var nashStable: ClosedRange<Double>
}
