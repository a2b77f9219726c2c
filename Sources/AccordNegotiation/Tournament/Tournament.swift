import AccordCore

/// A tournament: every agent against every other, on every scenario, in every role, repeated.
///
/// Built from a tournament specification (docs/tournaments.md). ``plan`` expands it into independent, seeded
/// negotiations, numbered from 0 in a fixed order, so that any subset (a shard, the rest of an interrupted run)
/// can run anywhere and the results combine into the same summary.
public struct Tournament: Sendable {
    /// A competitor: an identifier for the results and its agent.
    public struct Competitor: Sendable, Hashable {
        public var id: String
        public var agent: AgentSpecification
        public init(id: String, agent: AgentSpecification) {
            self.id = id
            self.agent = agent
        }
    }

    /// A scenario of the tournament, named for the results.
    public struct Entry: Sendable {
        public var name: String
        public var scenario: Scenario
        public init(name: String, scenario: Scenario) {
            self.name = name
            self.scenario = scenario
        }
    }

    /// Which assignments of competitors to the parties of a scenario are played.
    public enum Roles: String, Sendable, Hashable, CaseIterable {
        /// Every ordered assignment: each competitor plays every role against every other (both roles, for two
        /// parties).
        case all
        /// One assignment per set of competitors: the first (in the specification's order) takes the first party.
        case fixed
    }

    public var name: String
    public var competitors: [Competitor]
    public var entries: [Entry]
    public var mechanism: MechanismKind
    public var deadline: Deadline
    public var repetitions: Int
    public var roles: Roles
    /// Whether a competitor also negotiates against itself.
    public var selfPlay: Bool
    public var seed: UInt64
    /// The wall-clock limit of one negotiation, in seconds; a negotiation that exceeds it is recorded as failed.
    public var timeLimit: Double?

    /// The most negotiations a tournament may expand to.
    public static let negotiationLimit = 50_000_000

    public init(
        name: String, competitors: [Competitor], entries: [Entry], mechanism: MechanismKind = .alternating,
        deadline: Deadline, repetitions: Int = 1, roles: Roles = .all, selfPlay: Bool = true, seed: UInt64 = 1,
        timeLimit: Double? = nil
    ) {
        self.name = name
        self.competitors = competitors
        self.entries = entries
        self.mechanism = mechanism
        self.deadline = deadline
        self.repetitions = repetitions
        self.roles = roles
        self.selfPlay = selfPlay
        self.seed = seed
        self.timeLimit = timeLimit
    }

    /// One negotiation of the plan.
    public struct Negotiation: Sendable, Hashable {
        /// The position in the plan (0-based); results are ordered by it.
        public var id: Int
        /// The scenario (index into ``Tournament/entries``).
        public var entry: Int
        /// The competitor (index into ``Tournament/competitors``) playing each party, in party order.
        public var competitors: [Int]
        /// The repetition, from 0.
        public var repetition: Int
        /// The negotiation's own seed, derived from the tournament seed and `id`.
        public var seed: UInt64
    }

    /// Every negotiation, in plan order: scenarios in order; for each, the assignments of competitors to its
    /// parties (lexicographic in competitor order); for each, the repetitions.
    ///
    /// - Throws: ``NegotiationError`` when a scenario does not suit the mechanism, there are too few competitors
    ///   for the parties without self-play, or the plan exceeds ``negotiationLimit``.
    public func plan() throws(NegotiationError) -> [Negotiation] {
        guard !competitors.isEmpty else { throw .badTournament("the tournament has no agents") }
        guard !entries.isEmpty else { throw .badTournament("the tournament has no scenarios") }
        guard repetitions >= 1 else { throw .badTournament("repetitions must be at least 1, not \(repetitions)") }
        var plan: [Negotiation] = []
        for (e, entry) in entries.enumerated() {
            let parties = entry.scenario.parties.count
            switch mechanism {
            case .alternating where parties != 2:
                throw .badTournament(
                    "scenario '\(entry.name)' has \(parties) parties; alternating offers needs exactly 2 (use saop)")
            case .saop where parties < 2, .mediated where parties < 1:
                throw .badTournament("scenario '\(entry.name)' has too few parties for \(mechanism.rawValue)")
            default: break
            }
            if !selfPlay && competitors.count < parties {
                throw .badTournament(
                    "scenario '\(entry.name)' has \(parties) parties but there are only \(competitors.count) agents and "
                        + "self-play is off")
            }
            let count = assignments(parties: parties)
            let total = Double(plan.count) + count * Double(repetitions)
            guard total <= Double(Self.negotiationLimit) else {
                throw .badTournament(
                    "the tournament expands to more than \(Self.negotiationLimit) negotiations; reduce agents, "
                        + "scenarios or repetitions")
            }
            forEachAssignment(parties: parties) { assignment in
                for repetition in 0..<repetitions {
                    let id = plan.count
                    plan.append(
                        Negotiation(
                            id: id, entry: e, competitors: assignment, repetition: repetition,
                            seed: Self.seed(seed, negotiation: id)))
                }
            }
        }
        return plan
    }

    /// The number of assignments of competitors to `parties` roles.
    private func assignments(parties: Int) -> Double {
        var count = 0.0
        forEachAssignment(parties: parties, limit: Self.negotiationLimit + 1) { _ in count += 1 }
        return count
    }

    private func forEachAssignment(parties: Int, limit: Int = .max, _ body: ([Int]) -> Void) {
        let n = competitors.count
        var current = [Int](repeating: 0, count: parties)
        var emitted = 0
        func place(_ position: Int) {
            if emitted >= limit { return }
            if position == parties {
                emitted += 1
                body(current)
                return
            }
            let start: Int
            switch roles {
            case .all: start = 0
            case .fixed: start = position == 0 ? 0 : current[position - 1] + (selfPlay ? 0 : 1)
            }
            guard start < n else { return }
            for candidate in start..<n {
                if !selfPlay && roles == .all && current[0..<position].contains(candidate) { continue }
                current[position] = candidate
                place(position + 1)
            }
        }
        place(0)
    }

    /// A negotiation's seed: SplitMix64 of the tournament seed and the negotiation's position.
    public static func seed(_ seed: UInt64, negotiation id: Int) -> UInt64 {
        var z = seed &+ UInt64(truncatingIfNeeded: id) &* 0x9E37_79B9_7F4A_7C15 &+ 0x6A09_E667_F3BC_C909
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
