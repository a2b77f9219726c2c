extension SimulationRequest {
    /// Checks everything the run would refuse at its start — the numbers, the scenario, the issues, the agents
    /// (an external agent where external agents cannot run), the table, the mediator and the mechanism — without
    /// negotiating: how a server refuses a bad request before it accepts the run.
    ///
    /// - Parameter externalAgents: whether an external agent (another program) may play; a server says no, whatever
    ///   the process allows.
    /// - Throws: the error ``run(monitor:)`` would throw first; ``RequestError`` for an external agent when not
    ///   allowed.
    public func check(externalAgents: Bool = true) throws {
        try checkRanges()
        let document = try source.document()
        var scenario = document.scenario
        if let issues { scenario = try scenario.restricted(toIssues: issues) }
        let (setup, _) = try resolvedSetup(for: scenario, section: document.simulation)
        if !externalAgents, let entry = setup.agents.entries.first(where: { $0.agent.strategy == .external }) {
            throw RequestError(
                "the agent of '\(Echo.cut(entry.party))' cannot run here: external agents run only from the accord "
                    + "command line")
        }
        _ = try setup.session(on: try NegotiationDomain(scenario: scenario))
    }

    /// Checks the ranges of the numbers (the CLI checks them first, with the same sentences).
    func checkRanges() throws(RequestError) {
        if let rounds, rounds < 1 { throw RequestError("--rounds must be at least 1, found \(rounds).") }
        if let seconds, !(seconds > 0 && seconds.isFinite) {
            throw RequestError("--seconds must be a positive number, found \(seconds).")
        }
    }

    /// The scenario's protocol section with this request's options over it, checked against the scenario's
    /// parties; also notes on what the request set aside.
    ///
    /// - Throws: ``RequestError`` naming the option at fault, or the engine's error for an agent that cannot be
    ///   read.
    func resolvedSetup(for scenario: Scenario, section: SimulationSetup?) throws -> (SimulationSetup, [String]) {
        let ids = scenario.parties.map(\.id)
        var overrides = SimulationSetup(mechanism: mechanism, rounds: rounds, seconds: seconds, seed: seed)
        if let agents { overrides.agents = try AgentAssignment(parsing: agents) }
        if let parties { overrides.participants = try checkedTable(parties, ids: ids) }
        for entry in overrides.agents.entries where !ids.contains(entry.party) {
            throw RequestError(
                "--agents: there is no party '\(Echo.cut(entry.party))'; parties are: \(Echo.list(ids)).")
        }
        if let mediator {
            guard mediator.lowercased() == "neutral" || ids.contains(mediator) else {
                throw RequestError(
                    "--mediator: there is no party '\(mediator)'; name one of \(ids.joined(separator: ", ")), "
                        + "or neutral.")
            }
            overrides.mediator = mediator
        }
        var base = section ?? SimulationSetup()
        var notes: [String] = []
        // A table chosen in the request sets aside the scenario's agents for the parties it leaves out.
        if let table = overrides.participants {
            let dropped = base.agents.entries.filter { !table.contains($0.party) }
            if !dropped.isEmpty {
                base.agents = AgentAssignment(base.agents.entries.filter { table.contains($0.party) })
                notes.append(
                    "The scenario's agents for \(dropped.map(\.party).joined(separator: ", ")) are set aside: "
                        + "--parties leaves \(dropped.count == 1 ? "that party" : "those parties") out.")
            }
        }
        let setup = base.overridden(by: overrides)
        try checkAgentsAndMediator(of: setup, overrides: overrides, ids: ids)
        return (setup, notes)
    }

    /// The parties at the table, checked: not empty, every one a party of the scenario, none twice.
    private func checkedTable(_ table: [String], ids: [String]) throws(RequestError) -> [String] {
        let known = Echo.list(ids)
        guard !table.isEmpty else { throw RequestError("--parties is empty; give party ids such as \(known).") }
        for id in table where !ids.contains(id) {
            throw RequestError("--parties: there is no party '\(Echo.cut(id))'; parties are: \(known).")
        }
        if let repeated = table.enumerated().first(where: { table[..<$0.offset].contains($0.element) }) {
            throw RequestError("--parties: party '\(repeated.element)' is given twice.")
        }
        return table
    }

    /// Checks that the request's agents are for parties at the table, and that a mediator goes with mediation.
    private func checkAgentsAndMediator(of setup: SimulationSetup, overrides: SimulationSetup, ids: [String])
        throws(RequestError)
    {
        let table = setup.participants ?? ids
        for entry in overrides.agents.entries where !table.contains(entry.party) {
            throw RequestError(
                "--agents: party '\(entry.party)' is not at the table (\(table.joined(separator: ", "))); "
                    + "add it with --parties or leave its agent out.")
        }
        let resolvedMechanism = setup.mechanism ?? (table.count == 2 ? .alternating : .saop)
        if mediator != nil, resolvedMechanism != .mediated {
            throw RequestError(
                "--mediator applies to the mediated mechanism, not \(resolvedMechanism.rawValue); "
                    + "add --mechanism mediated.")
        }
    }
}
