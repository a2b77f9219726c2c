extension TournamentReport {
    /// The report of `records`, the results of the tournament (or slice) that `facts` describes.
    ///
    /// - Throws: ``NegotiationError`` when the facts name an agent, mechanism, deadline or shard that does not read
    ///   back (a `tournament.json` edited by hand).
    init(records: [NegotiationRecord], facts: TournamentFacts) throws {
        let summary = TournamentSummary(records: records, agents: facts.agents.map(\.id), scenarios: facts.scenarios)
        let competitors = try facts.agents.map { competitor in
            Tournament.Competitor(id: competitor.id, agent: try AgentSpecification(parsing: competitor.agent))
        }
        let setup = TournamentReport.Setup(
            name: facts.name, mechanism: try MechanismKind(name: facts.mechanism),
            deadline: try Deadline(rounds: facts.rounds, seconds: facts.seconds), repetitions: facts.repetitions,
            roles: Tournament.Roles(rawValue: facts.roles) ?? .all, selfPlay: facts.selfPlay, seed: facts.seed,
            timeLimit: facts.timeLimit, competitors: competitors, negotiations: facts.negotiations,
            shard: try Shard(parsing: facts.shard))
        self.init(summary, setup: setup)
    }
}
