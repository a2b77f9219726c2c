import AccordCore
import Synchronization

/// Agents that misbehave on purpose, to test that tournaments survive them: `test-crash` stops the process on
/// its first turn, `test-hang` never returns from its first turn, `test-slow` spends 20 ms on every turn (and
/// otherwise concedes linearly). They can be named only when ``AgentSpecification/testAgentsEnabled`` is on
/// (the `accord` tool turns it on when the environment variable `ACCORD_TEST_AGENTS` is `1`).
struct MisbehavingAgent: NegotiationAgent {
    var inner: BOAAgent<TimeDependentBidding, AcceptNext, NoOpponentModel>
    let behaviour: AgentSpecification.Strategy

    init(setup: AgentSetup, behaviour: AgentSpecification.Strategy) {
        inner = BOAAgent(
            setup: setup, bidding: TimeDependentBidding(exponent: 1), acceptance: AcceptNext(),
            model: NoOpponentModel())
        self.behaviour = behaviour
    }

    mutating func respond(to state: TurnState, generator: inout SeededGenerator) -> Action {
        misbehave()
        return inner.respond(to: state, generator: &generator)
    }

    mutating func reply(toDraft draft: Int, state: TurnState, generator: inout SeededGenerator) -> DraftReply {
        misbehave()
        return inner.reply(toDraft: draft, state: state, generator: &generator)
    }

    private func misbehave() {
        switch behaviour {
        case .testCrash:
            fatalError("test-crash: this agent stops the process on purpose")
        case .testHang:
            while MisbehavingAgent.forever.load(ordering: .relaxed) {}
        case .testSlow:
            let end = ContinuousClock.now + .milliseconds(20)
            while ContinuousClock.now < end {}
        default:
            break
        }
    }

    private static let forever = Atomic<Bool>(true)
}

extension AgentSpecification {
    private static let testAgents = Atomic<Bool>(false)

    /// Whether the misbehaving test agents (`test-crash`, `test-hang`, `test-slow`) can be named.
    public static var testAgentsEnabled: Bool {
        get { testAgents.load(ordering: .relaxed) }
        set { testAgents.store(newValue, ordering: .relaxed) }
    }

    private static let externalAgents = Atomic<Bool>(false)

    /// Whether `external(...)` agents can be named: they run programs, so only a front end whose user may run
    /// programs turns this on (the `accord` command line does, except for `accord serve`).
    public static var externalAgentsEnabled: Bool {
        get { externalAgents.load(ordering: .relaxed) }
        set { externalAgents.store(newValue, ordering: .relaxed) }
    }

    /// Turns the agents a command line may name on: external agents for every command but `serve` (the first of
    /// `arguments` is the program), the misbehaving test agents when `ACCORD_TEST_AGENTS` is `1` in `environment`.
    public static func enableCommandLineAgents(_ arguments: [String], _ environment: [String: String]) {
        testAgentsEnabled = environment["ACCORD_TEST_AGENTS"] == "1"
        externalAgentsEnabled = arguments.dropFirst().first != "serve"
    }

    static let testRegistry: [(name: String, description: String, specification: AgentSpecification)] =
        [Strategy.testCrash, .testHang, .testSlow].map { strategy in
            (
                strategy.rawValue, "misbehaves on purpose (testing only)",
                AgentSpecification(
                    name: strategy.rawValue, strategy: strategy, exponent: 1, acceptance: .next,
                    usesOpponentModel: false, window: 0)
            )
        }
}
