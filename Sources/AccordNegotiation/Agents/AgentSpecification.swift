import AccordCore

/// A named agent with its parameters: the recipe from which every session creates a fresh agent.
///
/// Written as `name` or `name(key=value;key=value)`, for example `boulware`, `time-dependent(e=0.5)`,
/// `conceder(ac=combi;T=0.95)` or `tit-for-tat(model=frequency)`. See docs/agents.md for every agent and
/// parameter.
public struct AgentSpecification: Sendable, Hashable, CustomStringConvertible {
    /// The strategy families.
    public enum Strategy: String, Sendable, Hashable, CaseIterable {
        case timeDependent = "time-dependent"
        case titForTat = "tit-for-tat"
        case random
        case nashSeeker = "nash-seeker"
        /// ANAC champions, reimplemented from their papers (docs/agents.md, "ANAC champions").
        case hardHeaded = "hardheaded"
        case agentK = "agent-k"
        case cuhkAgent = "cuhk-agent"
        case atlas3
        /// Misbehaving agents for testing fault isolation (``AgentSpecification/testAgentsEnabled``).
        case testCrash = "test-crash"
        case testHang = "test-hang"
        case testSlow = "test-slow"
        /// Another program, over the external-agent protocol (``ExternalCommand``, docs/agents.md).
        case external
    }

    /// The acceptance conditions.
    public enum Acceptance: Sendable, Hashable, CustomStringConvertible {
        case next
        case constant(Double)
        case time(Double)
        case combi(Double)

        public var description: String {
            switch self {
            case .next: "next"
            case .constant(let c): "const(c=\(c))"
            case .time(let t): "time(T=\(t))"
            case .combi(let t): "combi(T=\(t))"
            }
        }
    }

    /// The name the agent was asked for (`boulware`).
    public var name: String
    public var strategy: Strategy
    /// The concession exponent e of the time-dependent family.
    public var exponent: Double
    public var acceptance: Acceptance
    /// Whether the agent keeps a frequency opponent model.
    public var usesOpponentModel: Bool
    /// How far above its target an opponent-aware bid may lie.
    public var window: Double
    /// The program of an external agent (strategy ``Strategy/external``), else nil.
    public var command: ExternalCommand?

    /// The registry: every agent name with its strategy, default parameters and a one-line description.
    public static let registry: [(name: String, description: String, specification: AgentSpecification)] = [
        ("boulware", "time-dependent, concedes late (e = 0.2)", .timeDependent("boulware", exponent: 0.2)),
        ("linear", "time-dependent, concedes linearly (e = 1)", .timeDependent("linear", exponent: 1)),
        ("conceder", "time-dependent, concedes early (e = 2)", .timeDependent("conceder", exponent: 2)),
        ("hardliner", "time-dependent, never concedes (e = 0)", .timeDependent("hardliner", exponent: 0)),
        ("time-dependent", "time-dependent with exponent e (default 1)", .timeDependent("time-dependent", exponent: 1)),
        (
            "tit-for-tat", "mirrors the opponents' concession toward the estimated Nash point",
            AgentSpecification(
                name: "tit-for-tat", strategy: .titForTat, exponent: 1, acceptance: .combi(0.98),
                usesOpponentModel: true, window: 0.02)
        ),
        (
            "random", "offers random outcomes above its reservation value, accepts any of them",
            AgentSpecification(
                name: "random", strategy: .random, exponent: 1, acceptance: .constant(0), usesOpponentModel: false,
                window: 0)
        ),
        (
            "nash-seeker", "offers the Nash point (full information), accepts what gives it as much",
            AgentSpecification(
                name: "nash-seeker", strategy: .nashSeeker, exponent: 1, acceptance: .next, usesOpponentModel: false,
                window: 0)
        ),
        (
            "hardheaded", "ANAC 2011 winner: Boulware with a frequency model (van Krimpen et al. 2013)",
            .champion(.hardHeaded)
        ),
        (
            "agent-k", "ANAC 2010: concedes toward the estimated best opponent offer (Kawaguchi et al. 2012)",
            .champion(.agentK)
        ),
        ("cuhk-agent", "ANAC 2012 winner: adaptive non-exploitation point (Hao & Leung 2014)", .champion(.cuhkAgent)),
        ("atlas3", "ANAC 2015 winner: concedes to an expected lower limit (Mori & Ito 2017)", .champion(.atlas3)),
    ]

    /// Whether the strategy is an ANAC champion: a complete agent that takes no parameters.
    public var isChampion: Bool { [.hardHeaded, .agentK, .cuhkAgent, .atlas3].contains(strategy) }

    /// The champions take no parameters: any is refused, named.
    private static func refuseParameters(_ text: String, agent: String) throws(NegotiationError) {
        let parameters = text.trimmingWhitespace()
        guard parameters.isEmpty else {
            throw .badAgentParameter(
                agent: agent, parameter: parameters, reason: "is not accepted: the ANAC champions take no parameters")
        }
    }

    static func champion(_ strategy: Strategy) -> AgentSpecification {
        AgentSpecification(
            name: strategy.rawValue, strategy: strategy, exponent: 1, acceptance: .next, usesOpponentModel: false,
            window: 0)
    }

    /// The names of the registered agents.
    public static var names: [String] { registry.map(\.name) }

    static func timeDependent(_ name: String, exponent: Double) -> AgentSpecification {
        AgentSpecification(
            name: name, strategy: .timeDependent, exponent: exponent, acceptance: .next, usesOpponentModel: false,
            window: 0.02)
    }

    public init(
        name: String, strategy: Strategy, exponent: Double, acceptance: Acceptance, usesOpponentModel: Bool,
        window: Double
    ) {
        self.name = name
        self.strategy = strategy
        self.exponent = exponent
        self.acceptance = acceptance
        self.usesOpponentModel = usesOpponentModel
        self.window = window
        self.command = nil
    }

    /// An external agent: another program playing over the external-agent protocol.
    public static func external(_ command: ExternalCommand) -> AgentSpecification {
        var specification = AgentSpecification(
            name: "external", strategy: .external, exponent: 1, acceptance: .next, usesOpponentModel: false, window: 0)
        specification.command = command
        return specification
    }

    /// Reads `external(command="...";timeout=S;startup=S)`.
    private static func external(parsing trimmed: String) throws(NegotiationError) -> AgentSpecification {
        guard externalAgentsEnabled else {
            throw .badAgentParameter(
                agent: "external", parameter: "command",
                reason: "cannot run here: external agents run only from the accord command line")
        }
        guard trimmed.hasSuffix(")"), let open = trimmed.firstIndex(of: "(") else {
            throw .badAgentParameter(
                agent: "external", parameter: "command", reason: "is missing; write external(command=\"program args\")")
        }
        let inside = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
        return .external(try ExternalCommand(parsingParameters: String(inside)))
    }

    /// Reads `name` or `name(key=value;...)`; `external(command="...")` names another program
    /// (``ExternalCommand/init(parsingParameters:)``) when ``externalAgentsEnabled`` is on.
    public init(parsing text: String) throws(NegotiationError) {
        let trimmed = text.trimmingWhitespace()
        if trimmed.lowercased().hasPrefix("external(") || trimmed.lowercased() == "external" {
            self = try Self.external(parsing: trimmed)
            return
        }
        var name = trimmed
        var parameterText = ""
        if let open = trimmed.firstIndex(of: "(") {
            guard trimmed.hasSuffix(")") else { throw .badAgentSpecification(text) }
            name = String(trimmed[..<open]).trimmingWhitespace()
            parameterText = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
        }
        let candidates = Self.registry + (Self.testAgentsEnabled ? Self.testRegistry : [])
        guard let entry = candidates.first(where: { $0.name == name.lowercased() }) else {
            throw .unknownAgent(name, known: Self.names)
        }
        self = entry.specification
        if isChampion { try Self.refuseParameters(parameterText, agent: name) }
        var acceptanceName: String?
        var threshold: Double?
        for pair in parameterText.split(whereSeparator: { $0 == ";" || $0 == "," }) {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).trimmingWhitespace() }
            guard parts.count == 2, !parts[0].isEmpty else { throw .badAgentSpecification(text) }
            let key = parts[0]
            let value = parts[1]
            func number(in range: ClosedRange<Double>) throws(NegotiationError) -> Double {
                guard let number = Double(value), range.contains(number) else {
                    throw .badAgentParameter(
                        agent: name, parameter: key,
                        reason:
                            "must be a number from \(range.lowerBound) to \(range.upperBound), not '\(Echo.cut(value))'"
                    )
                }
                return number
            }
            switch key {
            case "e" where strategy == .timeDependent:
                exponent = try number(in: 0...100)
            case "ac":
                guard ["next", "const", "time", "combi"].contains(value) else {
                    throw .badAgentParameter(agent: name, parameter: key, reason: "must be next, const, time or combi")
                }
                acceptanceName = value
            case "c", "T":
                threshold = try number(in: 0...1)
            case "model":
                guard value == "frequency" || value == "none" else {
                    throw .badAgentParameter(agent: name, parameter: key, reason: "must be frequency or none")
                }
                usesOpponentModel = value == "frequency"
            case "window":
                window = try number(in: 0...1)
            default:
                throw .badAgentParameter(
                    agent: name, parameter: key,
                    reason:
                        "is not a parameter of this agent (\(Self.parameterNames(of: strategy).joined(separator: ", ")))"
                )
            }
        }
        switch acceptanceName {
        case "next": acceptance = .next
        case "const": acceptance = .constant(threshold ?? 0.8)
        case "time": acceptance = .time(threshold ?? 0.95)
        case "combi": acceptance = .combi(threshold ?? 0.98)
        default:
            if let threshold {
                switch acceptance {
                case .constant: acceptance = .constant(threshold)
                case .time: acceptance = .time(threshold)
                case .combi: acceptance = .combi(threshold)
                case .next:
                    throw .badAgentParameter(
                        agent: name, parameter: "c/T", reason: "needs ac=const, ac=time or ac=combi")
                }
            }
        }
    }

    static func parameterNames(of strategy: Strategy) -> [String] {
        strategy == .timeDependent ? ["e", "ac", "c", "T", "model", "window"] : ["ac", "c", "T", "model", "window"]
    }

    /// The canonical form, with every parameter that differs from the registered defaults.
    public var description: String {
        if let command { return command.description }
        guard let base = (Self.registry + Self.testRegistry).first(where: { $0.name == name })?.specification else {
            return name
        }
        var parameters: [String] = []
        if exponent != base.exponent { parameters.append("e=\(exponent)") }
        if acceptance != base.acceptance {
            switch acceptance {
            case .next: parameters.append("ac=next")
            case .constant(let c): parameters.append(contentsOf: ["ac=const", "c=\(c)"])
            case .time(let t): parameters.append(contentsOf: ["ac=time", "T=\(t)"])
            case .combi(let t): parameters.append(contentsOf: ["ac=combi", "T=\(t)"])
            }
        }
        if usesOpponentModel != base.usesOpponentModel {
            parameters.append("model=\(usesOpponentModel ? "frequency" : "none")")
        }
        if window != base.window { parameters.append("window=\(window)") }
        return parameters.isEmpty ? name : "\(name)(\(parameters.joined(separator: ";")))"
    }

    /// A fresh agent for a session.
    public func make(_ setup: AgentSetup) -> any NegotiationAgent {
        switch strategy {
        case .timeDependent: build(TimeDependentBidding(exponent: exponent, window: window), setup)
        case .titForTat: build(TitForTatBidding(window: window), setup)
        case .random: build(RandomBidding(), setup)
        case .nashSeeker: build(NashBidding(setup: setup), setup)
        case .hardHeaded: HardHeadedAgent(setup: setup)
        case .agentK: AgentK(setup: setup)
        case .cuhkAgent: CUHKAgent(setup: setup)
        case .atlas3: Atlas3Agent(setup: setup)
        case .testCrash, .testHang, .testSlow: MisbehavingAgent(setup: setup, behaviour: strategy)
        case .external: ExternalAgent(setup: setup, command: command ?? ExternalCommand(arguments: ["false"]))
        }
    }

    private func build<B: BiddingStrategy>(_ bidding: B, _ setup: AgentSetup) -> any NegotiationAgent {
        switch acceptance {
        case .next: withModel(bidding, AcceptNext(), setup)
        case .constant(let c): withModel(bidding, AcceptConstant(threshold: c), setup)
        case .time(let t): withModel(bidding, AcceptTime(time: t), setup)
        case .combi(let t): withModel(bidding, AcceptCombi(time: t), setup)
        }
    }

    private func withModel<B: BiddingStrategy, A: AcceptanceCondition>(
        _ bidding: B, _ acceptance: A, _ setup: AgentSetup
    ) -> any NegotiationAgent {
        if usesOpponentModel {
            return BOAAgent(setup: setup, bidding: bidding, acceptance: acceptance, model: FrequencyModel(setup: setup))
        }
        return BOAAgent(setup: setup, bidding: bidding, acceptance: acceptance, model: NoOpponentModel())
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
