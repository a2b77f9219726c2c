/// How high a party's reservation value may rise before no package is acceptable to everyone.
public struct ReservationThreshold: Sendable, Hashable {
    /// The party's position in the scenario's party list.
    public var party: Int
    /// The party's reservation value in the scenario.
    public var current: Double
    /// The highest utility the party gets from a package every other party accepts (and that crosses none of
    /// its own red lines): the zone is non-empty exactly when the party's reservation is at most this; `nil`
    /// when the others agree on nothing, so no reservation of this party opens a zone.
    public var threshold: Double?
    /// threshold − current: how much the reservation may rise (positive) or must fall (negative) for a zone.
    public var slack: Double? { threshold.map { $0 - current } }
}
