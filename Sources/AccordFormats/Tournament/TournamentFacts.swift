import AccordNegotiation
import Foundation

/// What a results folder records about its tournament (`tournament.json`): enough to check that results belong
/// together, to merge shards and to write the summary without the specification file.
public struct TournamentFacts: Codable, Sendable, Hashable {
    public struct Competitor: Codable, Sendable, Hashable {
        public var id: String
        public var agent: String
    }

    /// The version of this file's layout.
    public var format: Int = 1
    public var fingerprint: String
    public var name: String
    public var mechanism: String
    public var rounds: Int?
    public var seconds: Double?
    public var repetitions: Int
    public var roles: String
    public var selfPlay: Bool
    public var seed: UInt64
    public var timeLimit: Double?
    public var agents: [Competitor]
    public var scenarios: [String]
    /// The scenarios in which some party discounts time (the GENIUS log's "Discounted" column).
    public var discountedScenarios: [String]
    /// The largest number of parties of the tournament's scenarios (the results files' party columns).
    public var parties: Int
    /// The number of negotiations of the whole plan.
    public var negotiations: Int
    /// The slice this folder holds, `k/n` (`1/1` for a whole run or a merge).
    public var shard: String

    public init(specification: TournamentSpecification, shard: Shard, negotiations: Int) {
        let tournament = specification.tournament
        fingerprint = specification.fingerprint
        name = tournament.name
        mechanism = tournament.mechanism.rawValue
        rounds = tournament.deadline.rounds
        seconds = tournament.deadline.seconds
        repetitions = tournament.repetitions
        roles = tournament.roles.rawValue
        selfPlay = tournament.selfPlay
        seed = tournament.seed
        timeLimit = tournament.timeLimit
        agents = tournament.competitors.map { Competitor(id: $0.id, agent: $0.agent.description) }
        scenarios = tournament.entries.map(\.name)
        discountedScenarios = tournament.entries.filter { entry in
            entry.scenario.parties.contains { party in party.discount.map { $0 > 0 && $0 < 1 } ?? false }
        }.map(\.name)
        parties = tournament.entries.map(\.scenario.parties.count).max() ?? 0
        self.negotiations = negotiations
        self.shard = shard.description
    }

    /// The deadline as people read it: `1000 rounds`, `30 s`, or both.
    public var deadlineText: String {
        [rounds.map { "\($0) rounds" }, seconds.map { "\($0) s" }].compactMap { $0 }.joined(separator: " or ")
    }

    /// The same facts for another slice.
    public func forShard(_ shard: Shard) -> TournamentFacts {
        var facts = self
        facts.shard = shard.description
        return facts
    }

    /// Reads `tournament.json`.
    public static func read(path: String) throws(ScenarioError) -> TournamentFacts {
        let data: Data
        do {
            data = try readInputFile(path)
        } catch {
            throw .unreadable(file: path, reason: error.reason)
        }
        do {
            let facts = try JSONDecoder().decode(TournamentFacts.self, from: data)
            guard facts.format == 1 else {
                throw ScenarioError.unreadable(file: path, reason: "it has layout \(facts.format); this Accord reads 1")
            }
            return facts
        } catch let error as ScenarioError {
            throw error
        } catch {
            throw .unreadable(file: path, reason: "it is not an Accord tournament.json file")
        }
    }

    /// The file's text: sorted keys, indented, ending with a newline.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data()
        return (String(data: data, encoding: .utf8) ?? "{}") + "\n"
    }
}
