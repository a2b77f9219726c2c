import AccordCore
import AccordFormats
import AccordNegotiation

/// Renders a tournament's results (`accord tournament`, `accord merge`) as text, Markdown, JSON or HTML: the
/// setup, the ranking of the agents by mean utility with 95 % intervals, the pairwise Welch t-tests (which agent
/// is significantly better than which, as ANAC 2012 ranked), and every agent's mean utility on every scenario.
///
/// The report is a function of the summary and the setup alone — no dates, no timings — so the same records give
/// the same bytes however they were produced: one run, a resumed run, or merged shards.
public struct TournamentReport: Sendable {
    /// The facts of the tournament that the report states beside its results.
    public struct Setup: Sendable, Hashable {
        public var name: String
        public var mechanism: MechanismKind
        public var deadline: Deadline
        public var repetitions: Int
        public var roles: Tournament.Roles
        public var selfPlay: Bool
        public var seed: UInt64
        /// The wall-clock limit of one negotiation in seconds, if any.
        public var timeLimit: Double?
        /// The competitors, in the specification's order.
        public var competitors: [Tournament.Competitor]
        /// The number of negotiations in the whole plan (``Tournament/plan()``), sharded or not.
        public var negotiations: Int
        /// The slice of the plan the results cover; nil for the whole plan (also after merging every shard).
        public var shard: Shard?

        /// The negotiations the results should hold: the whole plan, or the shard's share of it.
        public var planned: Int {
            guard let shard else { return negotiations }
            let remainder = negotiations % shard.count
            return negotiations / shard.count + (shard.index - 1 < remainder ? 1 : 0)
        }

        public init(
            name: String, mechanism: MechanismKind, deadline: Deadline, repetitions: Int, roles: Tournament.Roles,
            selfPlay: Bool, seed: UInt64, timeLimit: Double? = nil, competitors: [Tournament.Competitor],
            negotiations: Int, shard: Shard? = nil
        ) {
            self.name = name
            self.mechanism = mechanism
            self.deadline = deadline
            self.repetitions = repetitions
            self.roles = roles
            self.selfPlay = selfPlay
            self.seed = seed
            self.timeLimit = timeLimit
            self.competitors = competitors
            self.negotiations = negotiations
            self.shard = shard == .whole ? nil : shard
        }

        /// The setup of a tournament whose plan holds `negotiations` negotiations, of which the results cover the
        /// slice `shard` (nil or ``Shard/whole`` for all of them).
        public init(tournament: Tournament, negotiations: Int, shard: Shard? = nil) {
            self.init(
                name: tournament.name, mechanism: tournament.mechanism, deadline: tournament.deadline,
                repetitions: tournament.repetitions, roles: tournament.roles, selfPlay: tournament.selfPlay,
                seed: tournament.seed, timeLimit: tournament.timeLimit, competitors: tournament.competitors,
                negotiations: negotiations, shard: shard)
        }
    }

    /// The ranking computed from the records.
    public let summary: TournamentSummary
    /// The tournament's facts.
    public let setup: Setup

    /// The significance level of the pairwise tests (``TournamentSummary/Comparison/isSignificant``).
    public static let significanceLevel = 0.05

    /// A report of `summary`, the results of the tournament described by `setup`.
    public init(_ summary: TournamentSummary, setup: Setup) {
        self.summary = summary
        self.setup = setup
    }

    /// The report in the requested format (JSON pretty-printed), ending with a newline.
    public func render(_ format: ReportFormat) -> String {
        switch format {
        case .text: document().text()
        case .markdown: document().markdown()
        case .json: json().serialized() + "\n"
        case .html: html()
        }
    }

    // MARK: Derived facts

    /// For each competitor (by identifier), the competitors it is significantly better than, in rank order.
    var significantlyBetter: [String: [String]] {
        var better: [String: [String]] = [:]
        for comparison in summary.comparisons where comparison.isSignificant {
            if comparison.difference > 0 {
                better[comparison.first, default: []].append(comparison.second)
            } else if comparison.difference < 0 {
                better[comparison.second, default: []].append(comparison.first)
            }
        }
        return better.mapValues(inRankOrder)
    }

    /// For each competitor (by identifier), the competitors significantly better than it, in rank order.
    var significantlyWorse: [String: [String]] {
        var worse: [String: [String]] = [:]
        for (winner, losers) in significantlyBetter {
            for loser in losers { worse[loser, default: []].append(winner) }
        }
        return worse.mapValues(inRankOrder)
    }

    private func inRankOrder(_ agents: [String]) -> [String] {
        let rank = Dictionary(summary.standings.map { ($0.agent, $0.rank) }, uniquingKeysWith: min)
        return agents.sorted { (rank[$0] ?? .max, $0) < (rank[$1] ?? .max, $1) }
    }

    /// The competitor's agent, by identifier.
    func agent(of id: String) -> AgentSpecification? {
        setup.competitors.first { $0.id == id }?.agent
    }

    /// The registry's one-line description of an agent's strategy.
    static func strategyDescription(_ agent: AgentSpecification) -> String {
        AgentSpecification.registry.first { $0.name == agent.name }?.description ?? ""
    }

    var mechanismName: String {
        switch setup.mechanism {
        case .alternating: "alternating offers"
        case .saop: "stacked alternating offers (SAOP)"
        case .mediated: "mediated single negotiating text"
        }
    }

    var deadlineText: String {
        let deadline = setup.deadline
        let rounds = deadline.rounds.map { "\(formatCount(Double($0))) round\($0 == 1 ? "" : "s")" }
        let seconds = deadline.seconds.map { "\(formatNumber($0)) second\($0 == 1 ? "" : "s") of wall-clock time" }
        switch (rounds, seconds) {
        case (let r?, let s?): return "\(r) or \(s), whichever comes first"
        case (let r?, nil): return r
        case (nil, let s?): return s
        default: return "none"
        }
    }

    var rolesText: String {
        switch setup.roles {
        case .all: "every agent in every role"
        case .fixed: "fixed roles (one assignment per set of agents)"
        }
    }

    /// A mean utility with 3 decimals, a dash when there is none.
    static func value(_ number: Double?) -> String {
        guard let number, number.isFinite else { return "—" }
        return fixed(number)
    }

    /// A p-value: 4 decimals, `< 0.0001` below that.
    static func pValue(_ p: Double) -> String {
        p < 0.0001 ? "< 0.0001" : fixed(p, 4)
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(formatCount(Double(count))) \(noun)\(count == 1 ? "" : "s")"
    }

    // MARK: Document

    func document() -> ReportDocument {
        var doc = ReportDocument()
        doc.title("\(setup.name): tournament results")
        doc.paragraph(setupSentence())
        doc.paragraph(negotiationsSentence())
        addAgents(to: &doc)
        addRanking(to: &doc)
        addComparisons(to: &doc)
        addUtilityByScenario(to: &doc)
        return doc
    }

    /// Each agent's specification and strategy.
    func addAgents(to doc: inout ReportDocument) {
        doc.heading("Agents")
        var agents = TextTable(["agent", "specification", "strategy"])
        for competitor in setup.competitors {
            agents.add([
                competitor.id, competitor.agent.description, Self.strategyDescription(competitor.agent),
            ])
        }
        doc.table(agents)
    }

    /// The agents ranked by mean utility, with their intervals, agreements, welfare and distances.
    func addRanking(to doc: inout ReportDocument) {
        doc.heading("Ranking")
        doc.paragraph(
            "Agents ranked by mean utility: the discounted utility an agent obtained in every role it played (an "
                + "agent negotiating with itself counts once per side), failed negotiations counting as "
                + "disagreements. The interval is the 95 % confidence interval of the mean (Student's t); "
                + "agreements, welfare and distances are over the agent's negotiations, the distances over those "
                + "that reached an agreement.")
        var ranking = TextTable(
            [
                "rank", "agent", "samples", "mean utility", "95 % interval", "agreements", "mean welfare",
                "Pareto distance", "Nash distance", "failures",
            ], rightAligned: [0, 2, 3, 4, 5, 6, 7, 8, 9])
        for standing in summary.standings {
            let interval =
                standing.lower.flatMap { lower in standing.upper.map { "\(fixed(lower)) – \(fixed($0))" } } ?? "—"
            ranking.add([
                String(standing.rank), standing.agent, formatCount(Double(standing.samples)),
                Self.value(standing.meanUtility), interval,
                standing.samples == 0 ? "—" : fixed(100 * standing.agreementRate, 1) + " %",
                Self.value(standing.meanWelfare), Self.value(standing.meanParetoDistance),
                Self.value(standing.meanNashDistance), String(standing.failures),
            ])
        }
        doc.table(ranking)
    }

    /// Welch's t-test between every pair of agents, and whom each one beats significantly.
    func addComparisons(to doc: inout ReportDocument) {
        doc.heading("Pairwise comparisons")
        doc.paragraph(
            "Welch's t-test of the difference between the mean utilities of every pair of agents, higher-ranked "
                + "first; a difference is significant when the two-sided p-value is below 0.05 (uncorrected for the "
                + "\(Self.plural(summary.comparisons.count, "comparison")) made). A test needs at least two samples "
                + "per agent and some variance.")
        guard !summary.comparisons.isEmpty else {
            doc.paragraph("There is no pair of agents to compare.")
            return
        }
        var tests = TextTable(
            ["agent", "against", "difference", "t", "df", "p", "significant"], rightAligned: [2, 3, 4, 5])
        for comparison in summary.comparisons {
            tests.add([
                comparison.first, comparison.second,
                comparison.difference.isFinite ? signed(comparison.difference) : "—",
                comparison.t.map { fixed($0, 2) } ?? "—", comparison.degreesOfFreedom.map { fixed($0, 1) } ?? "—",
                comparison.p.map(Self.pValue) ?? "—",
                comparison.p == nil ? "untested" : comparison.isSignificant ? "yes" : "no",
            ])
        }
        doc.table(tests)
        doc.paragraph("Which agents each one is significantly better than (p < 0.05), as ANAC 2012 ranked:")
        let better = significantlyBetter
        doc.bullets(
            summary.standings.map { standing in
                let beaten = better[standing.agent] ?? []
                return "\(standing.rank). \(standing.agent): "
                    + (beaten.isEmpty ? "no agent" : beaten.joined(separator: ", "))
            })
    }

    /// Each agent's mean utility on each scenario, agents in rank order.
    func addUtilityByScenario(to doc: inout ReportDocument) {
        doc.heading("Utility by scenario")
        doc.paragraph(
            "Each agent's mean utility on each scenario (a dash where it did not play), agents in rank order.")
        var byScenario = TextTable(
            ["agent"] + summary.scenarios + ["all"], rightAligned: Set(1...(summary.scenarios.count + 1)))
        for (k, standing) in summary.standings.enumerated() {
            let row = summary.heat.indices.contains(k) ? summary.heat[k] : []
            byScenario.add(
                [standing.agent]
                    + summary.scenarios.indices.map { Self.value(row.indices.contains($0) ? row[$0] : nil) }
                    + [Self.value(standing.meanUtility)])
        }
        doc.table(byScenario)
    }

    func setupSentence() -> String {
        let scenarios = summary.scenarios
        var sentence =
            "\(Self.plural(setup.competitors.count, "agent")) on \(Self.plural(scenarios.count, "scenario"))"
            + (scenarios.isEmpty ? "" : " (\(scenarios.joined(separator: ", ")))")
            + ": \(mechanismName), deadline \(deadlineText), \(rolesText), "
            + "\(Self.plural(setup.repetitions, "repetition")), self-play \(setup.selfPlay ? "on" : "off"), "
            + "seed \(setup.seed)"
        if let limit = setup.timeLimit {
            sentence += ", a time limit of \(formatNumber(limit)) s per negotiation"
        }
        return sentence + "."
    }

    func negotiationsSentence() -> String {
        let recorded = summary.negotiations
        var sentence: String
        if let shard = setup.shard {
            sentence =
                "Shard \(shard.index) of \(shard.count) (the negotiations whose position in the plan, modulo "
                + "\(shard.count), is \(shard.index - 1)): \(formatCount(Double(recorded))) of its "
                + "\(Self.plural(setup.planned, "negotiation")) (of \(formatCount(Double(setup.negotiations))) in the "
                + "plan) recorded"
        } else {
            sentence =
                "\(formatCount(Double(recorded))) of \(Self.plural(setup.planned, "planned negotiation")) recorded"
        }
        if recorded < setup.planned {
            sentence += " — the results are incomplete"
        }
        sentence +=
            "; \(Self.plural(summary.agreements, "agreement"))"
            + (recorded > 0 ? " (\(fixed(100 * Double(summary.agreements) / Double(recorded), 1)) %)" : "")
        sentence +=
            summary.failures == 0
            ? ", no failure."
            : ", \(summary.failures) failed (an agent error or the time limit), counted as disagreements."
        return sentence
    }
}
