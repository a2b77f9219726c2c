import AccordCore

/// Why a simulation cannot run, stated in one sentence.
public enum NegotiationError: AccordError, Sendable, Equatable {
    case noParties
    case spaceTooLarge(outcomes: Double, limit: Int)
    case unknownMechanism(String)
    case unknownAgent(String, known: [String])
    case unknownParty(String, known: [String])
    case badAgentParameter(agent: String, parameter: String, reason: String)
    case badAgentSpecification(String)
    case duplicateParty(String)
    case badDeadline(String)
    case wrongPartyCount(mechanism: String, expected: String, got: Int)
    case unknownMediator(String, known: [String])
    case partyNotAtTable(String, table: [String])
    case badTournament(String)
    case badShard(String)

    public var description: String {
        switch self {
        case .noParties:
            return "the scenario has no parties to negotiate"
        case .spaceTooLarge(let outcomes, let limit):
            return
                "the space has \(formatted(outcomes)) outcomes, more than the \(limit) a simulation holds in memory; "
                + "restrict it with --issues"
        case .unknownMechanism(let name):
            return
                "unknown mechanism '\(Echo.cut(name))'; the mechanisms are \(MechanismKind.allCases.map(\.rawValue).joined(separator: ", "))"
        case .unknownAgent(let name, let known):
            // The agents are Accord's own, a fixed list: shown whole.
            return "unknown agent '\(Echo.cut(name))'; the agents are \(known.joined(separator: ", "))"
        case .unknownParty(let name, let known):
            return "no party '\(Echo.cut(name))' in the scenario; its parties are \(Echo.list(known))"
        case .badAgentParameter(let agent, let parameter, let reason):
            return "agent '\(Echo.cut(agent))': parameter '\(Echo.cut(parameter))' \(reason)"
        case .badAgentSpecification(let text):
            return
                "cannot read the agent specification '\(Echo.cut(text))'; write party=agent or party=agent(key=value;...)"
        case .duplicateParty(let party):
            return "party '\(party)' is given an agent twice"
        case .badDeadline(let reason):
            return "bad deadline: \(reason)"
        case .wrongPartyCount(let mechanism, let expected, let got):
            return "the \(mechanism) mechanism needs \(expected) parties at the table, not \(got)"
        case .unknownMediator(let name, let known):
            return "no party '\(Echo.cut(name))' can mediate; name one of \(Echo.list(known)) or 'neutral'"
        case .partyNotAtTable(let party, let table):
            return "party '\(party)' is given an agent but is not at the table (\(table.joined(separator: ", ")))"
        case .badTournament(let reason):
            return reason
        case .badShard(let text):
            return "bad shard '\(text)'; write k/n with 1 ≤ k ≤ n, for example 2/8"
        }
    }

    private func formatted(_ value: Double) -> String {
        value < 1e15 ? String(Int(value)) : "\(value)"
    }
}
