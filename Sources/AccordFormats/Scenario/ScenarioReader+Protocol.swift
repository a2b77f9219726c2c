import AccordCore
import AccordNegotiation
import Foundation

extension ScenarioReader {
    // MARK: The protocol section

    /// Reads the optional `protocol:` section: how `accord simulate` runs the negotiation when the command line
    /// does not say otherwise (mechanism, parties at the table, mediator, deadline, agents and seed).
    ///
    /// Every party the section names must be one of `declared` (the ids the document's `parties:` list gives);
    /// an agent's party must also be at the table when the section lists the table. The section must describe a
    /// session that can run: the mechanism (given, or its default for the table) must suit the number of parties
    /// at the table. Parts left out stay `nil`, so that ``SimulationSetup`` applies its defaults.
    ///
    /// - Returns: the setup, or `nil` when the section has problems (reported).
    mutating func readProtocol(_ node: DocumentNode, _ path: String, parties declared: [String]) -> SimulationSetup? {
        guard let entries = mapping(node, path) else { return nil }
        rejectUnknownKeys(
            entries, path,
            allowed: ["mechanism", "parties", "mediator", "deadline", "agents", "default_agent", "seed"])
        let problemsBefore = problems.count
        var setup = SimulationSetup()
        setup.mechanism = readMechanism(node["mechanism"], "\(path).mechanism")
        let table = readTable(node["parties"], "\(path).parties", declared: declared)
        setup.participants = table.participants
        setup.mediator = readMediator(node["mediator"], "\(path).mediator", declared: declared)
        readDeadline(node["deadline"], "\(path).deadline", into: &setup)
        setup.agents = readAgents(
            node["agents"], path, declared: declared, table: table.isValid ? table.participants : nil)
        if let raw = node["default_agent"], !isNull(raw) {
            setup.defaultAgent = agentSpecification(raw, "\(path).default_agent")
        }
        setup.seed = readSeed(node["seed"], "\(path).seed")
        if table.isValid {
            checkPartyCount(of: setup, node, path, declared: declared)
        }
        guard problems.count == problemsBefore else { return nil }
        return setup
    }

    /// `mechanism`: a mechanism's name, or none.
    private mutating func readMechanism(_ node: DocumentNode?, _ path: String) -> MechanismKind? {
        guard let name = string(node, path, required: false) else { return nil }
        do {
            return try MechanismKind(name: name)
        } catch {
            problem(path, node, error.description)
            return nil
        }
    }

    /// `parties`: the parties at the table in turn order, each declared and seated once; `isValid` is false when
    /// one is not.
    private mutating func readTable(_ node: DocumentNode?, _ path: String, declared: [String]) -> (
        participants: [String]?, isValid: Bool
    ) {
        guard let items = list(node, path, required: false) else { return (nil, true) }
        if items.isEmpty {
            problem(path, node, "is empty; name the parties at the table, in turn order")
        }
        var table: [String] = []
        var isValid = true
        for (index, item) in items.enumerated() {
            let itemPath = "\(path)[\(index)]"
            guard let id = declaredParty(item, itemPath, declared: declared) else {
                isValid = false
                continue
            }
            if table.contains(id) {
                problem(itemPath, item, "'\(id)' is already at the table; each party takes one seat")
                isValid = false
            } else {
                table.append(id)
            }
        }
        return (table, isValid)
    }

    /// `mediator`: `neutral` or a declared party, or none.
    private mutating func readMediator(_ node: DocumentNode?, _ path: String, declared: [String]) -> String? {
        guard let node, !isNull(node), let text = string(node, path) else { return nil }
        if text.lowercased() == "neutral" { return "neutral" }
        if declared.contains(text) { return text }
        problem(
            path, node,
            "there is no party '\(text)' to mediate; name one of \(declared.joined(separator: ", ")) or 'neutral'")
        return nil
    }

    /// `agents`: party → agent, each party declared and, when the section lists the table (`table`), at it.
    private mutating func readAgents(_ node: DocumentNode?, _ path: String, declared: [String], table: [String]?)
        -> AgentAssignment
    {
        var assignment: [(party: String, agent: AgentSpecification)] = []
        for pair in mapping(node, "\(path).agents", required: false) ?? [] {
            let agentPath = "\(path).agents.\(pair.key)"
            guard declared.contains(pair.key) else {
                problem(
                    agentPath, pair.value,
                    "there is no party '\(Echo.cut(pair.key))'; parties are: \(Echo.list(declared))")
                continue
            }
            if let table, !table.contains(pair.key) {
                problem(
                    agentPath, pair.value,
                    "party '\(pair.key)' is not at the table (\(table.joined(separator: ", "))); seat it in \(path).parties or remove its agent"
                )
                continue
            }
            if let agent = agentSpecification(pair.value, agentPath) { assignment.append((pair.key, agent)) }
        }
        return AgentAssignment(assignment)
    }

    /// `seed`: a 64-bit whole number (underscores and a leading `+` allowed), or none.
    private mutating func readSeed(_ node: DocumentNode?, _ path: String) -> UInt64? {
        guard let node, !isNull(node) else { return nil }
        let text = node.scalar.map {
            $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")
        }
        if let text, let seed = UInt64(text.hasPrefix("+") ? String(text.dropFirst()) : text) { return seed }
        problem(path, node, "expected a whole number from 0 to \(UInt64.max), found \(node.kindName)")
        return nil
    }

    /// A party id that the document declares.
    private mutating func declaredParty(_ node: DocumentNode, _ path: String, declared: [String]) -> String? {
        guard let id = identifier(node, path) else { return nil }
        guard declared.contains(id) else {
            problem(path, node, "there is no party '\(Echo.cut(id))'; parties are: \(Echo.list(declared))")
            return nil
        }
        return id
    }

    /// An agent written as `name` or `name(key=value;...)`.
    private mutating func agentSpecification(_ node: DocumentNode, _ path: String) -> AgentSpecification? {
        guard let text = string(node, path) else { return nil }
        do {
            return try AgentSpecification(parsing: text)
        } catch .badAgentSpecification {
            // The command line's message speaks of `party=agent`; here the party is the key.
            problem(path, node, "cannot read the agent '\(text)'; write a name or name(key=value;...)")
        } catch {
            problem(path, node, error.description)
        }
        return nil
    }

    /// Reads `{rounds: N}`, `{seconds: S}` or both into `setup`; leaves it unchanged when the deadline is absent
    /// or invalid (reported).
    private mutating func readDeadline(_ node: DocumentNode?, _ path: String, into setup: inout SimulationSetup) {
        guard let node, !isNull(node) else { return }
        guard let entries = node.entries else {
            problem(path, node, "expected {rounds: N}, {seconds: S} or both, found \(node.kindName)")
            return
        }
        rejectUnknownKeys(entries, path, allowed: ["rounds", "seconds"])
        let problemsBefore = problems.count
        let rounds = wholeNumber(
            node["rounds"], "\(path).rounds", in: 1...Deadline.roundCap,
            expected: "a whole number of rounds from 1 to \(Deadline.roundCap)")
        var seconds: Double?
        if let value = number(node["seconds"], "\(path).seconds", required: false) {
            if value > 0 {
                seconds = value
            } else {
                problem(
                    "\(path).seconds", node["seconds"],
                    "a time limit must be a positive number of seconds, found \(formatted(value))")
            }
        }
        guard problems.count == problemsBefore else { return }
        guard rounds != nil || seconds != nil else {
            problem(path, node, "gives no limit; expected {rounds: N}, {seconds: S} or both")
            return
        }
        setup.rounds = rounds
        setup.seconds = seconds
    }

    /// Reports a mechanism that does not suit the number of parties at the table (all declared parties when the
    /// section lists none); the problem is placed at the key that decides it.
    private mutating func checkPartyCount(
        of setup: SimulationSetup, _ node: DocumentNode, _ path: String, declared: [String]
    ) {
        let count = setup.participants?.count ?? declared.count
        guard count > 0 else { return }
        let mechanism = setup.mechanism ?? (count == 2 ? .alternating : .saop)
        let (name, expected): (String, String)
        switch mechanism {
        case .alternating where count != 2: (name, expected) = ("alternating-offers", "exactly 2")
        case .saop where count < 2: (name, expected) = ("stacked-alternating-offers", "at least 2")
        default: return
        }
        let message = NegotiationError.wrongPartyCount(mechanism: name, expected: expected, got: count).description
        if setup.mechanism != nil {
            problem("\(path).mechanism", node["mechanism"], message)
        } else if setup.participants != nil {
            problem("\(path).parties", node["parties"], message)
        } else {
            problem(path, node, message)
        }
    }
}
