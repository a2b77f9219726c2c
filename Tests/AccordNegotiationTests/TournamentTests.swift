import AccordCore
import AccordFormats
import AccordNegotiation
import Synchronization
import Testing

@Suite struct TournamentPlanTests {
    func tournament(agents: [String], roles: Tournament.Roles = .all, selfPlay: Bool = true, repetitions: Int = 1)
        throws -> Tournament
    {
        Tournament(
            name: "t",
            competitors: try agents.map { Tournament.Competitor(id: $0, agent: try AgentSpecification(parsing: $0)) },
            entries: [
                Tournament.Entry(name: "price", scenario: try priceScenario()),
                Tournament.Entry(name: "job", scenario: try ScenarioLoader.bundled("job-offer")),
            ],
            deadline: try Deadline(rounds: 20), repetitions: repetitions, roles: roles, selfPlay: selfPlay, seed: 5)
    }

    @Test func assignmentsFollowRolesAndSelfPlay() throws {
        let agents = ["boulware", "conceder", "linear"]
        // Per scenario: all+self 3² = 9; all without self 3·2 = 6; fixed+self C(3+1, 2) = 6; fixed without self 3.
        #expect(try tournament(agents: agents).plan().count == 18)
        #expect(try tournament(agents: agents, selfPlay: false).plan().count == 12)
        #expect(try tournament(agents: agents, roles: .fixed).plan().count == 12)
        #expect(try tournament(agents: agents, roles: .fixed, selfPlay: false).plan().count == 6)
        #expect(try tournament(agents: agents, repetitions: 4).plan().count == 72)
        let plan = try tournament(agents: agents, selfPlay: false).plan()
        #expect(plan.map(\.id) == Array(0..<12))
        #expect(plan.prefix(6).map(\.competitors) == [[0, 1], [0, 2], [1, 0], [1, 2], [2, 0], [2, 1]])
        #expect(Set(plan.map(\.seed)).count == plan.count)
    }

    @Test func seedsDependOnlyOnTheTournamentSeedAndPosition() throws {
        let a = try tournament(agents: ["boulware", "linear"]).plan()
        let b = try tournament(agents: ["boulware", "linear"]).plan()
        #expect(a == b)
        #expect(a[3].seed == Tournament.seed(5, negotiation: 3))
        #expect(Tournament.seed(5, negotiation: 3) != Tournament.seed(6, negotiation: 3))
    }

    @Test func badTournaments() throws {
        var alternatingThree = try tournament(agents: ["boulware"])
        alternatingThree.entries.append(Tournament.Entry(name: "three", scenario: try threePartyScenario()))
        #expect(throws: NegotiationError.self) { try alternatingThree.plan() }
        alternatingThree.mechanism = .saop
        #expect(try alternatingThree.plan().count == 1 + 1 + 1)
        #expect(throws: NegotiationError.self) { try tournament(agents: ["boulware"], selfPlay: false).plan() }
        #expect(throws: NegotiationError.self) { try tournament(agents: [], selfPlay: true).plan() }
        #expect(throws: NegotiationError.self) { try tournament(agents: ["linear"], repetitions: 0).plan() }
    }

    @Test func shardsPartitionThePlan() throws {
        let plan = try tournament(agents: ["boulware", "conceder", "linear"], repetitions: 3).plan()
        let shards = try (1...4).map { try Shard(index: $0, count: 4) }
        var seen = Set<Int>()
        for shard in shards {
            let mine = plan.filter { shard.contains($0.id) }
            #expect(abs(mine.count - plan.count / 4) <= 1)
            for negotiation in mine { #expect(seen.insert(negotiation.id).inserted) }
        }
        #expect(seen.count == plan.count)
        #expect(try Shard(parsing: "2/4") == shards[1])
        for bad in ["0/3", "4/3", "1/0", "a/b", "3", "1/2/3", "-1/2"] {
            #expect(throws: NegotiationError.badShard(bad)) { try Shard(parsing: bad) }
        }
    }
}

@Suite struct TournamentRunTests {
    @Test func resultsDoNotDependOnParallelismOrOrder() async throws {
        let tournament = Tournament(
            name: "t",
            competitors: try ["boulware", "conceder", "tit-for-tat", "random"].map {
                Tournament.Competitor(id: $0, agent: try AgentSpecification(parsing: $0))
            },
            entries: [Tournament.Entry(name: "job", scenario: try ScenarioLoader.bundled("job-offer"))],
            deadline: try Deadline(rounds: 50), repetitions: 2, seed: 3)
        let plan = try tournament.plan()
        let runner = try TournamentRunner(tournament: tournament)
        func collect(_ negotiations: [Tournament.Negotiation], parallelism: Int) async -> [NegotiationRecord] {
            let box = RecordBox()
            await runner.run(negotiations, parallelism: parallelism) { box.add($0) }
            return box.sorted.map {
                var record = $0; record.seconds = 0; return record
            }
        }
        let serial = await collect(plan, parallelism: 1)
        let parallel = await collect(plan, parallelism: 4)
        let reversed = await collect(plan.reversed(), parallelism: 3)
        #expect(serial.count == plan.count)
        #expect(serial == parallel)
        #expect(serial == reversed)
        #expect(serial.contains { $0.isAgreement })
        for record in serial where record.isAgreement {
            #expect(record.paretoDistance != nil && record.nashDistance != nil)
            #expect(abs(record.welfare - record.discountedUtilities.reduce(0, +)) < 1e-12)
        }
    }

    @Test func stopsWhenAsked() async throws {
        let tournament = Tournament(
            name: "t",
            competitors: [Tournament.Competitor(id: "linear", agent: try AgentSpecification(parsing: "linear"))],
            entries: [Tournament.Entry(name: "price", scenario: try priceScenario())],
            deadline: try Deadline(rounds: 5),
            repetitions: 50)
        let runner = try TournamentRunner(tournament: tournament)
        let box = RecordBox()
        await runner.run(try tournament.plan(), parallelism: 1, shouldStop: { box.count >= 10 }) { box.add($0) }
        #expect(box.count == 10)
    }
}

/// Collects records from concurrent tasks.
final class RecordBox: @unchecked Sendable {
    private var records: [NegotiationRecord] = []
    private let lock = NSLockLike()
    func add(_ record: NegotiationRecord) { lock.locked { records.append(record) } }
    var count: Int { lock.locked { records.count } }
    var sorted: [NegotiationRecord] { lock.locked { records.sorted { $0.id < $1.id } } }
}

final class NSLockLike: Sendable {
    private let mutex = Mutex(())
    func locked<T>(_ body: () -> T) -> T { mutex.withLock { _ in body() } }
}

@Suite struct TournamentStatisticsTests {
    func record(_ id: Int, agents: [String], utilities: [Double], agreement: Bool = true, scenario: String = "s")
        -> NegotiationRecord
    {
        NegotiationRecord(
            id: id, scenario: scenario, agents: agents, parties: ["a", "b"], repetition: 0, seed: 1,
            ending: agreement ? "agreement" : "deadline", agreement: agreement ? ["x"] : nil, round: 1, t: 0.5,
            utilities: utilities, discountedUtilities: utilities, welfare: utilities.reduce(0, +),
            paretoDistance: agreement ? 0 : nil, nashDistance: agreement ? 0.1 : nil)
    }

    /// Welch's test against SciPy: ttest_ind([1,2,3,4,5], [2,4,6,8,10], equal_var=False) gives t = −1.8973665961,
    /// df = 5.8823529412, p = 0.1075311949; the 95 % t quantile with 4 degrees of freedom is 2.7764451052.
    @Test func welchMatchesSciPy() {
        // "x" scores 1…5 against "y" scoring 2,4,…,10 (one sample each per negotiation).
        let records = (0..<5).map {
            record($0, agents: ["x", "y"], utilities: [Double($0 + 1), Double(2 * ($0 + 1))])
        }
        let summary = TournamentSummary(records: records, agents: ["x", "y"], scenarios: ["s"])
        #expect(summary.standings.map(\.agent) == ["y", "x"])
        let comparison = summary.comparisons[0]
        #expect(comparison.first == "y")
        #expect(abs(comparison.t! - 1.8973665961010275) < 1e-9)
        #expect(abs(comparison.degreesOfFreedom! - 5.882352941176471) < 1e-9)
        #expect(abs(comparison.p! - 0.10753119493062728) < 1e-8)
        #expect(!comparison.isSignificant)
        let x = summary.standings[1]
        #expect(x.meanUtility == 3)
        let half = 2.7764451051977934 * (2.5 / 5).squareRoot()
        #expect(abs(x.lower! - (3 - half)) < 1e-8)
        #expect(abs(x.upper! - (3 + half)) < 1e-8)
    }

    @Test func rankingRatesAndHeat() {
        let records = [
            record(0, agents: ["a", "b"], utilities: [0.9, 0.3]),
            record(1, agents: ["b", "a"], utilities: [0.5, 0.5], agreement: false, scenario: "t"),
            record(2, agents: ["a", "a"], utilities: [0.7, 0.6]),
        ]
        let summary = TournamentSummary(records: records.reversed(), agents: ["b", "a", "c"], scenarios: ["s", "t"])
        #expect(summary.negotiations == 3)
        #expect(summary.agreements == 2)
        #expect(summary.standings.map(\.agent) == ["a", "b", "c"])
        let a = summary.standings[0]
        #expect(a.samples == 4)
        #expect(abs(a.meanUtility - (0.9 + 0.5 + 0.7 + 0.6) / 4) < 1e-12)
        #expect(abs(a.agreementRate - 2.0 / 3) < 1e-12)
        #expect(summary.standings[2].samples == 0)
        #expect(summary.standings[2].meanUtility.isNaN)
        #expect(summary.heat[0][1] == 0.5)
        #expect(summary.heat[2] == [nil, nil])
    }
}
