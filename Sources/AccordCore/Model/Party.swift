/// A negotiating party: its preferences, its walk-away point and its hard constraints.
public struct Party: Sendable {
    /// The identifier used in scenario files and reports.
    public var id: String
    /// A human-readable name; defaults to the identifier.
    public var name: String
    /// The party's utility over outcomes.
    public var utility: any UtilityFunction
    /// The utility of the party's best alternative to a negotiated agreement (its disagreement point).
    public var reservation: Double
    /// The per-unit-of-time discount factor in (0, 1], if the party's utility decays with time.
    public var discount: Double?
    /// Outcomes the party rejects whatever their utility.
    public var redLines: [RedLine]
    /// What is not known exactly about the party's preferences (`nil`: everything is certain). The exact
    /// analysis uses nominal values; Monte Carlo analyses sample these distributions.
    public var uncertainty: PartyUncertainty?
    /// The party's clout (power, capability) relative to the other parties: a positive number, 1 unless the
    /// scenario says otherwise. The negotiation analysis does not use it; `accord forecast` takes it as the
    /// party's capability in the spatial model of politics.
    public var clout: Double

    /// Creates a party; unless given, its name is its identifier, its reservation 0, its clout 1, and it has no
    /// discount, no red lines and no uncertainty.
    public init(
        id: String, name: String? = nil, utility: any UtilityFunction, reservation: Double = 0,
        discount: Double? = nil, redLines: [RedLine] = [], uncertainty: PartyUncertainty? = nil, clout: Double = 1
    ) {
        self.id = id
        self.name = name ?? id
        self.utility = utility
        self.reservation = reservation
        self.discount = discount
        self.redLines = redLines
        self.uncertainty = uncertainty
        self.clout = clout
    }

    /// The first red line the outcome crosses, if any.
    public func crossedRedLine(by outcome: Outcome, in space: OutcomeSpace) -> RedLine? {
        redLines.first { $0.isCrossed(by: outcome, in: space) }
    }

    /// Whether the party accepts the outcome: its utility reaches the reservation value (within the tolerance
    /// ε = 1e-9 used for every utility comparison) and no red line is crossed.
    public func accepts(_ outcome: Outcome, in space: OutcomeSpace) -> Bool {
        crossedRedLine(by: outcome, in: space) == nil
            && utility.utility(of: outcome, in: space) >= reservation - utilityTolerance
    }
}
