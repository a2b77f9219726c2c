/// How to simulate a scenario: mechanism, parties at the table, mediator, deadline, agents and seed.
///
/// A scenario's `protocol:` section fills one in; the command line overrides any part of it. Whatever neither
/// gives takes the defaults: alternating offers for two parties and stacked alternating offers for more, every
/// party at the table in scenario order, a neutral mediator, 100 rounds, the ``defaultAgent`` for every party
/// without an agent, and seed 1.
public struct SimulationSetup: Sendable, Hashable {
    public var mechanism: MechanismKind?
    /// Party identifiers at the table, in turn order; nil for every party.
    public var participants: [String]?
    /// A party identifier, or "neutral"; nil for neutral.
    public var mediator: String?
    public var rounds: Int?
    public var seconds: Double?
    public var agents: AgentAssignment
    /// The agent of parties the assignment does not name; nil for ``defaultAgentName``.
    public var defaultAgent: AgentSpecification?
    public var seed: UInt64?

    /// The agent of parties nobody assigns one to.
    public static let defaultAgentName = "boulware"
    /// The deadline when none is given.
    public static let defaultRounds = 100

    public init(
        mechanism: MechanismKind? = nil, participants: [String]? = nil, mediator: String? = nil, rounds: Int? = nil,
        seconds: Double? = nil, agents: AgentAssignment = AgentAssignment(), defaultAgent: AgentSpecification? = nil,
        seed: UInt64? = nil
    ) {
        self.mechanism = mechanism
        self.participants = participants
        self.mediator = mediator
        self.rounds = rounds
        self.seconds = seconds
        self.agents = agents
        self.defaultAgent = defaultAgent
        self.seed = seed
    }

    /// This setup with every part that `overrides` gives replaced (agents are merged party by party).
    public func overridden(by overrides: SimulationSetup) -> SimulationSetup {
        var merged = self
        if let mechanism = overrides.mechanism { merged.mechanism = mechanism }
        if let participants = overrides.participants { merged.participants = participants }
        if let mediator = overrides.mediator { merged.mediator = mediator }
        if overrides.rounds != nil || overrides.seconds != nil {
            merged.rounds = overrides.rounds
            merged.seconds = overrides.seconds
        }
        var entries = merged.agents.entries
        for entry in overrides.agents.entries {
            if let index = entries.firstIndex(where: { $0.party == entry.party }) {
                entries[index] = entry
            } else {
                entries.append(entry)
            }
        }
        merged.agents = AgentAssignment(entries)
        if let agent = overrides.defaultAgent { merged.defaultAgent = agent }
        if let seed = overrides.seed { merged.seed = seed }
        return merged
    }

    /// The session this setup describes on a prepared scenario.
    ///
    /// - Throws: ``NegotiationError`` naming an unknown party (at the table, as mediator or given an agent),
    ///   an agent for a party not at the table, a bad deadline, or a mechanism that does not suit the number
    ///   of parties.
    public func session(on domain: NegotiationDomain, recordsTrace: Bool = true) throws(NegotiationError) -> Session {
        let parties = domain.scenario.parties
        let ids = parties.map(\.id)
        func index(of id: String) throws(NegotiationError) -> Int {
            guard let index = ids.firstIndex(of: id) else { throw .unknownParty(id, known: ids) }
            return index
        }
        var table: [Int] = []
        if let participants {
            for id in participants { table.append(try index(of: id)) }
        } else {
            table = Array(parties.indices)
        }
        for entry in agents.entries {
            let party = try index(of: entry.party)
            guard table.contains(party) else { throw .partyNotAtTable(entry.party, table: table.map { ids[$0] }) }
        }
        let mechanism = mechanism ?? (table.count == 2 ? .alternating : .saop)
        var mediatorChoice = Mediator.neutral
        if let mediator, mediator.lowercased() != "neutral" {
            guard let party = ids.firstIndex(of: mediator) else { throw .unknownMediator(mediator, known: ids) }
            mediatorChoice = .party(party)
        }
        let deadline = try Deadline(rounds: rounds ?? (seconds == nil ? Self.defaultRounds : nil), seconds: seconds)
        var fallback = defaultAgent
        if fallback == nil { fallback = try AgentSpecification(parsing: Self.defaultAgentName) }
        let specifications = table.map { agents.agent(for: ids[$0]) ?? fallback! }
        let configuration = SessionConfiguration(
            mechanism: mechanism, participants: table, deadline: deadline, seed: seed ?? 1, mediator: mediatorChoice,
            recordsTrace: recordsTrace)
        return try Session(domain: domain, configuration: configuration, agents: specifications)
    }
}
