/// The result of one negotiation of a tournament: a row of the results files.
public struct NegotiationRecord: Sendable, Hashable {
    /// The negotiation's position in the plan.
    public var id: Int
    /// The scenario's name.
    public var scenario: String
    /// The competitors playing each party, in party order (competitor identifiers).
    public var agents: [String]
    /// The parties, in party order (party identifiers).
    public var parties: [String]
    public var repetition: Int
    public var seed: UInt64
    /// `agreement`, `deadline`, `walk-away`, `violation` or `failed`.
    public var ending: String
    /// The party that walked away or broke the rules (identifier), if any.
    public var endedBy: String?
    /// Why the negotiation failed or broke the rules.
    public var reason: String?
    /// The agreement as one option label per issue, or nil.
    public var agreement: [String]?
    public var round: Int
    public var t: Double
    public var utilities: [Double]
    public var discountedUtilities: [Double]
    public var welfare: Double
    public var paretoDistance: Double?
    public var nashDistance: Double?
    /// Wall-clock seconds the negotiation took (reported in the GENIUS log only: it differs from run to run).
    public var seconds: Double

    public init(
        id: Int, scenario: String, agents: [String], parties: [String], repetition: Int, seed: UInt64, ending: String,
        endedBy: String? = nil, reason: String? = nil, agreement: [String]? = nil, round: Int, t: Double,
        utilities: [Double], discountedUtilities: [Double], welfare: Double, paretoDistance: Double? = nil,
        nashDistance: Double? = nil, seconds: Double = 0
    ) {
        self.id = id
        self.scenario = scenario
        self.agents = agents
        self.parties = parties
        self.repetition = repetition
        self.seed = seed
        self.ending = ending
        self.endedBy = endedBy
        self.reason = reason
        self.agreement = agreement
        self.round = round
        self.t = t
        self.utilities = utilities
        self.discountedUtilities = discountedUtilities
        self.welfare = welfare
        self.paretoDistance = paretoDistance
        self.nashDistance = nashDistance
        self.seconds = seconds
    }

    /// Whether the negotiation reached an agreement.
    public var isAgreement: Bool { agreement != nil }
}
