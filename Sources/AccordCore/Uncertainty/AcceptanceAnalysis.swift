/// How likely each party is to accept each proposal, and a deal to exist at all, when preferences are known
/// only roughly.
public struct AcceptanceAnalysis: Sendable {
    /// One proposal's acceptance.
    public struct ProposalAcceptance: Sendable, Hashable {
        /// The proposal's identifier, as in the scenario.
        public var id: String
        /// The package judged (for a partial proposal, its best completion at nominal values).
        public var outcome: Outcome
        /// Per party, the probability that it accepts (utility ≥ reservation − ε, no red line crossed).
        public var parties: [Probability]
        /// Per party, whether its verdict depends on the draws: `false` when the party has no uncertain numbers
        /// or the package crosses one of its red lines (then it accepts in every draw or in none).
        public var isUncertain: [Bool]
        /// The probability that every party accepts in the same draw.
        public var all: Probability
    }

    /// How many joint draws of every party's uncertain numbers the estimates rest on.
    public var samples: Int
    /// The seed the draws came from; the same seed gives the same analysis.
    public var seed: UInt64
    /// The acceptance of each proposal of the scenario, in scenario order.
    public var proposals: [ProposalAcceptance]
    /// The parties with uncertain numbers, in party order.
    public var uncertainParties: [Int]
    /// The probability that some package is acceptable to every party.
    public var zoneNonEmpty: Probability
    /// Whether every package's probability of being in the zone was estimated; otherwise only the tracked
    /// packages' (see ``AcceptanceOptions/tracksEveryPackage``).
    public var tracksEveryPackage: Bool
    /// How many packages had their probability of being in the zone estimated: the whole space, or the tracked
    /// packages that can be in the zone at all (they cross no red line and every party with certain numbers
    /// accepts them).
    public var trackedPackageCount: Int
    /// How many of the tracked packages are candidates (see ``AcceptanceOptions/candidateCount``).
    public var candidateCount: Int
    /// Whether the candidates are every package that can be in the zone (there were fewer than asked for), so
    /// that the tracked packages miss none that ever is.
    public var tracksEveryPossiblePackage: Bool
    /// Every tracked package that was inside the zone in at least one draw, with that probability, most robust
    /// first, then by the larger Nash product at the nominal values, then the lower outcome index; at most
    /// ``AcceptanceOptions/maximumListedOutcomes``.
    public var inZone: [(outcome: Outcome, probability: Probability)]

    /// The ten most robust packages: those most often acceptable to every party.
    public var mostRobust: ArraySlice<(outcome: Outcome, probability: Probability)> { inZone.prefix(10) }
}
