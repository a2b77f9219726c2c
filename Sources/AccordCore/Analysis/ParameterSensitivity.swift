/// How the agreement zone and the Nash package respond to one parameter, the others held fixed.
public struct ParameterSensitivity: Sendable, Hashable {
    public var parameter: SensitivityParameter
    /// The parameter's value in the scenario.
    public var current: Double
    /// The nearest values below and above `current` (within [0, 1]) at which the zone turns empty or non-empty.
    public var zoneChangeBelow: Double?
    public var zoneChangeAbove: Double?
    /// The interval around `current` over which the Nash package stays the same (the tornado bar).
    public var nashStable: ClosedRange<Double>
}
