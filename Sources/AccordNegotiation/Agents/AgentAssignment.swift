/// Which agent negotiates for which party: `party=agent,party=agent(...)`.
public struct AgentAssignment: Sendable, Hashable {
    /// Party identifiers with their agents, in the order given.
    public var entries: [(party: String, agent: AgentSpecification)] {
        get { zip(parties, agents).map { ($0, $1) } }
        set {
            parties = newValue.map(\.party)
            agents = newValue.map(\.agent)
        }
    }
    private var parties: [String]
    private var agents: [AgentSpecification]

    public init(_ entries: [(party: String, agent: AgentSpecification)] = []) {
        parties = entries.map(\.party)
        agents = entries.map(\.agent)
    }

    /// Reads `party=agent,party=agent(key=value;...)`; commas inside parentheses belong to the agent.
    public init(parsing text: String) throws(NegotiationError) {
        var entries: [(party: String, agent: AgentSpecification)] = []
        var depth = 0
        var current = ""
        var pieces: [String] = []
        for character in text {
            switch character {
            case "(": depth += 1
            case ")": depth -= 1
            default: break
            }
            if character == "," && depth == 0 {
                pieces.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        pieces.append(current)
        for piece in pieces where !piece.trimmingWhitespace().isEmpty {
            guard let equals = piece.firstIndex(of: "=") else { throw .badAgentSpecification(piece) }
            let party = String(piece[..<equals]).trimmingWhitespace()
            guard !party.isEmpty else { throw .badAgentSpecification(piece) }
            if entries.contains(where: { $0.party == party }) { throw .duplicateParty(party) }
            entries.append((party, try AgentSpecification(parsing: String(piece[piece.index(after: equals)...]))))
        }
        self.init(entries)
    }

    /// The agent assigned to a party, if any.
    public func agent(for party: String) -> AgentSpecification? {
        parties.firstIndex(of: party).map { agents[$0] }
    }

    /// Whether no agent is assigned.
    public var isEmpty: Bool { parties.isEmpty }
}
