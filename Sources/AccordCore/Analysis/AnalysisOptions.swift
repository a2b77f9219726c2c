/// Settings of an exact analysis.
public struct AnalysisOptions: Sendable, Hashable {
    /// The most outcomes an analysis enumerates (after pruning) before it refuses with a clear message.
    public var maxOutcomes: Int
    /// How many outcomes of the agreement zone the result lists: the best by the listing key of
    /// ``AgreementZone/outcomes``, found exactly whatever the zone's size.
    public var zoneListLimit: Int
    /// Analyse the options still available in this round (options whose `available_until` round has passed
    /// are removed).
    public var round: Int?
    /// Analyse the options still available on this ISO 8601 date.
    public var date: String?

    /// The largest space on which the analysis runs the one-at-a-time sensitivity sweep (0 turns it off).
    public var sensitivityOutcomeLimit: Int
    /// The most outcome checks the analysis spends on diagnostics (coalitions: outcomes × coalitions;
    /// reservation thresholds: outcomes × parties) before it leaves them out with a note.
    public var diagnosticsWorkLimit: Int

    /// Creates settings: up to 50,000,000 outcomes, 20 listed zone packages, every option, 2,000,000 diagnostic
    /// checks and a sensitivity sweep on spaces of up to ``Scenario/sensitivityOutcomeLimit`` outcomes, unless given.
    public init(
        maxOutcomes: Int = 50_000_000, zoneListLimit: Int = 20, round: Int? = nil, date: String? = nil,
        diagnosticsWorkLimit: Int = 2_000_000, sensitivityOutcomeLimit: Int = Scenario.sensitivityOutcomeLimit
    ) {
        self.sensitivityOutcomeLimit = sensitivityOutcomeLimit
        self.diagnosticsWorkLimit = diagnosticsWorkLimit
        self.maxOutcomes = maxOutcomes
        self.zoneListLimit = zoneListLimit
        self.round = round
        self.date = date
    }
}
