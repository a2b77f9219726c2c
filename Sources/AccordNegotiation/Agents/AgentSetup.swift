/// What an agent is told when a session starts.
public struct AgentSetup: Sendable {
    /// The prepared scenario.
    public var domain: NegotiationDomain
    /// The agent's party (index into the scenario's parties).
    public var party: Int
    /// The parties at the table, in turn order (scenario indices).
    public var participants: [Int]
    /// The deadline.
    public var deadline: Deadline
    /// The mechanism.
    public var mechanism: MechanismKind
    /// The session's wall-clock limit in seconds, if any (``SessionConfiguration/timeLimit``).
    public var timeLimit: Double?

    public init(
        domain: NegotiationDomain, party: Int, participants: [Int], deadline: Deadline,
        mechanism: MechanismKind = .alternating, timeLimit: Double? = nil
    ) {
        self.domain = domain
        self.party = party
        self.participants = participants
        self.deadline = deadline
        self.mechanism = mechanism
        self.timeLimit = timeLimit
    }

    /// The other parties at the table.
    public var opponents: [Int] { participants.filter { $0 != party } }
}
