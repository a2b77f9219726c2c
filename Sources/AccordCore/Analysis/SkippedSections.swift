/// The sections of an analysis that were left out, each with why and what would run it (`nil`: the section ran, or
/// does not apply, like coalitions with two parties).
public struct SkippedSections: Sendable, Hashable {
    /// Coalitions (``ScenarioAnalysis/coalitions``).
    public var coalitions: SkippedSection?
    /// Reservation thresholds (``ScenarioAnalysis/reservationThresholds``).
    public var reservationThresholds: SkippedSection?
    /// The one-at-a-time sensitivity sweep (``ScenarioAnalysis/sensitivity``).
    public var sensitivity: SkippedSection?

    /// Creates the record; by default nothing was left out.
    public init(
        coalitions: SkippedSection? = nil, reservationThresholds: SkippedSection? = nil,
        sensitivity: SkippedSection? = nil
    ) {
        self.coalitions = coalitions
        self.reservationThresholds = reservationThresholds
        self.sensitivity = sensitivity
    }

    /// The notes of every skipped section, in section order.
    public var notes: [String] { [coalitions, reservationThresholds, sensitivity].compactMap { $0?.note } }
}
