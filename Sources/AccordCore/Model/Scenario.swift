/// A negotiation: the issues, the parties with their preferences, and the proposals on the table.
public struct Scenario: Sendable {
    /// A short name for reports.
    public var name: String
    /// Free text describing the scenario and its sources.
    public var description: String?
    /// All outcomes of the scenario's issues.
    public var space: OutcomeSpace
    /// The negotiating parties.
    public var parties: [Party]
    /// The named packages on the table.
    public var proposals: [Proposal]
    /// Remarks made while building the scenario (weights normalised, ranges discretised), for reports.
    public var notes: [String]

    /// Creates a scenario; its outcome space is built from `issues`, and parties' utilities must follow the issues'
    /// order.
    public init(
        name: String, description: String? = nil, issues: [Issue], parties: [Party], proposals: [Proposal] = [],
        notes: [String] = []
    ) {
        self.name = name
        self.description = description
        self.space = OutcomeSpace(issues: issues)
        self.parties = parties
        self.proposals = proposals
        self.notes = notes
    }

    /// The issues, in order.
    public var issues: [Issue] { space.issues }

    /// The position of a party by its identifier.
    public func partyIndex(of id: String) -> Int? {
        parties.firstIndex { $0.id == id }
    }

    /// Every party's utility for an outcome, in party order.
    public func utilities(of outcome: Outcome) -> [Double] {
        parties.map { $0.utility.utility(of: outcome, in: space) }
    }
}
