/// The neutral engine of a room: the scenario with every party's private preferences, and what the room may ask
/// of it. It runs AccordCore's exact analysis; nothing here leaves a room unless a ``DisclosurePolicy`` or the
/// asking party's own view allows it.
public struct RoomEngine: Sendable {
    /// The complete scenario (private: never shown to anyone).
    public let scenario: Scenario
    /// The room's fairness rule.
    public let fairness: FairnessRule
    /// The exact analysis of the complete scenario.
    public let analysis: ScenarioAnalysis

    /// How much every party must gain over the agreement for a package to count as an improvement.
    public static let improvementMargin = 1e-6

    /// The engine for a skeleton once every party has entered preferences.
    ///
    /// - Throws: ``RoomError`` (conflict) when a party has not; invalid when the analysis cannot run.
    public init(skeleton: RoomSkeleton, preferences: [String: RoomPreferences], fairness: FairnessRule)
        throws(RoomError)
    {
        let missing = skeleton.partyIDs.filter { preferences[$0] == nil }
        guard missing.isEmpty else {
            throw RoomError(.conflict, "not every party has entered its preferences yet (\(missing.count) missing)")
        }
        let document = RoomSkeleton.withPreferences(skeleton.document, entries: preferences.mapValues(\.entry))
        guard let scenario = try? RoomSkeleton.parse(document) else {
            throw RoomError(.invalid, "the preferences do not form a scenario together")
        }
        try self.init(scenario: scenario, fairness: fairness)
    }

    /// The engine for a complete scenario.
    public init(scenario: Scenario, fairness: FairnessRule) throws(RoomError) {
        self.scenario = scenario
        self.fairness = fairness
        do {
            analysis = try scenario.analyze(options: Self.options)
        } catch {
            throw RoomError(.invalid, "the engine cannot analyse this room: \(error.sentence)")
        }
    }

    /// The analysis settings: the zone, the frontier and the solutions, without the sensitivity sweep and the
    /// coalition diagnostics (a room does not show them).
    static let options = AnalysisOptions(diagnosticsWorkLimit: 0, sensitivityOutcomeLimit: 0)

    /// Whether a package acceptable to every party exists.
    public var zoneExists: Bool { !analysis.zone.isEmpty }

    /// How many packages every party accepts.
    public var zoneCount: Int { analysis.zone.count }

    /// The suggested package: the room's fairness solution inside the zone, or, when the zone is empty, the
    /// package that comes closest to being acceptable to all (the largest smallest margin).
    public var suggestion: (outcome: Outcome, basis: String)? {
        let solution = fairness == .nash ? analysis.solutions.nash : analysis.solutions.kalaiSmorodinsky
        if let solution { return (solution.outcome, fairness.rawValue) }
        return analysis.zone.closest.map { ($0.outcome, "closest") }
    }

    /// The ids of the parties whose leaving alone would open an empty zone (empty when the zone is not empty).
    public var blockingParties: [String] {
        analysis.blocking.filter(\.blocks).map { scenario.parties[$0.party].id }
    }

    /// A party's utility of a package.
    public func utility(of outcome: Outcome, party: String) -> Double? {
        scenario.partyIndex(of: party).map { scenario.parties[$0].utility.utility(of: outcome, in: scenario.space) }
    }

    /// The ids of the parties that would reject the package (below their reservation, or a red line crossed).
    public func objectors(of outcome: Outcome) -> [String] {
        scenario.parties.filter { !$0.accepts(outcome, in: scenario.space) }.map(\.id)
    }

    /// Whether every party accepts the package.
    public func isAcceptableToAll(_ outcome: Outcome) -> Bool { objectors(of: outcome).isEmpty }
}
