import AccordCore

/// One negotiation between agents under a mechanism.
public struct Session: Sendable {
    public let domain: NegotiationDomain
    public let configuration: SessionConfiguration
    /// One agent per participant, in the configuration's turn order (empty for custom agents).
    public private(set) var agents: [AgentSpecification]
    /// The agents' names, in turn order: their specifications, or the names given with custom agents.
    public let agentNames: [String]
    /// Creates the agents of a run, in turn order.
    let makers: [@Sendable (AgentSetup) -> any NegotiationAgent]

    /// Prepares a session, checking that the mechanism suits the parties.
    ///
    /// - Throws: ``NegotiationError`` when the mechanism needs another number of parties, a participant is
    ///   repeated or unknown, or the agents do not match the participants.
    public init(
        domain: NegotiationDomain, configuration: SessionConfiguration, agents: [AgentSpecification]
    ) throws(NegotiationError) {
        try self.init(
            domain: domain, configuration: configuration, names: agents.map(\.description),
            makers: agents.map { specification in { specification.make($0) } })
        self.agents = agents
    }

    /// Prepares a session with agents of your own (any type conforming to ``NegotiationAgent``): one maker and one
    /// name per participant, in turn order.
    public init(
        domain: NegotiationDomain, configuration: SessionConfiguration, names: [String],
        makers: [@Sendable (AgentSetup) -> any NegotiationAgent]
    ) throws(NegotiationError) {
        let parties = domain.scenario.parties
        for p in configuration.participants where !parties.indices.contains(p) {
            throw .unknownParty("#\(p)", known: parties.map(\.id))
        }
        if let repeated = firstRepeated(configuration.participants) { throw .duplicateParty(parties[repeated].id) }
        let count = configuration.participants.count
        switch configuration.mechanism {
        case .alternating where count != 2:
            throw .wrongPartyCount(mechanism: "alternating-offers", expected: "exactly 2", got: count)
        case .saop where count < 2:
            throw .wrongPartyCount(mechanism: "stacked-alternating-offers", expected: "at least 2", got: count)
        case .mediated where count < 1:
            throw .wrongPartyCount(mechanism: "mediated", expected: "at least 1", got: count)
        default: break
        }
        guard makers.count == count, names.count == count else {
            throw .badAgentSpecification("\(makers.count) agents for \(count) parties at the table")
        }
        if case .party(let p) = configuration.mediator, !parties.indices.contains(p) {
            throw .unknownMediator("#\(p)", known: parties.map(\.id))
        }
        self.domain = domain
        self.configuration = configuration
        self.agents = []
        self.agentNames = names
        self.makers = makers
    }

    /// Runs the session to its end. Same configuration and seed → identical result and trace (unless the
    /// deadline is in wall-clock seconds).
    public func run() -> SessionResult {
        var observer = Unobserved()
        return run(observer: &observer)
    }

    /// Runs the session to its end, showing every action to `observer` as it happens and letting it stop the
    /// session between rounds.
    ///
    /// - Throws: what the observer throws; the session stops there.
    public func run<Observer: SessionObserver>(observer: inout Observer) throws(Observer.Failure) -> SessionResult {
        var run = SessionRun(session: self)
        switch configuration.mechanism {
        case .alternating, .saop: try run.runOffers(&observer)
        case .mediated: try run.runMediated(&observer)
        }
        let result = run.result()
        run.finish(result)
        return result
    }
}

private func firstRepeated(_ values: [Int]) -> Int? {
    var seen = Set<Int>()
    for value in values where !seen.insert(value).inserted { return value }
    return nil
}
