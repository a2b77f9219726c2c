import AccordKit
import Foundation

/// The files and the summary of a tournament's results, written the same way by a run, a resumed run and a merge.
enum TournamentOutput {
    /// A line of `progress.jsonl`: the record's JSON line with its wall-clock time appended (kept for the GENIUS
    /// log; left out of every deterministic output).
    static func progressLine(_ record: NegotiationRecord) -> String {
        var line = NegotiationRecordWriter.jsonLine(record)
        while line.hasSuffix("\n") { line.removeLast() }
        if line.hasSuffix("}") {
            line.removeLast()
            line += ",\"seconds\":\(record.seconds)}"
        }
        return line
    }

    static func writer(_ facts: TournamentFacts) -> NegotiationRecordWriter {
        let deadline = try? Deadline(rounds: facts.rounds, seconds: facts.seconds)
        return NegotiationRecordWriter(
            parties: facts.parties, deadline: deadline.map { NegotiationRecordWriter.geniusDeadline($0) } ?? "",
            discountedScenarios: Set(facts.discountedScenarios))
    }

    static func report(records: [NegotiationRecord], facts: TournamentFacts) throws -> TournamentReport {
        let summary = TournamentSummary(records: records, agents: facts.agents.map(\.id), scenarios: facts.scenarios)
        let competitors = try facts.agents.map { competitor in
            Tournament.Competitor(
                id: competitor.id,
                agent: try negotiationCall { () throws(NegotiationError) in
                    try AgentSpecification(parsing: competitor.agent)
                })
        }
        let setup = TournamentReport.Setup(
            name: facts.name,
            mechanism: try negotiationCall { () throws(NegotiationError) in try MechanismKind(name: facts.mechanism) },
            deadline: try negotiationCall { () throws(NegotiationError) in
                try Deadline(rounds: facts.rounds, seconds: facts.seconds)
            },
            repetitions: facts.repetitions, roles: Tournament.Roles(rawValue: facts.roles) ?? .all,
            selfPlay: facts.selfPlay, seed: facts.seed, timeLimit: facts.timeLimit, competitors: competitors,
            negotiations: facts.negotiations,
            shard: try negotiationCall { () throws(NegotiationError) in try Shard(parsing: facts.shard) })
        return TournamentReport(summary, setup: setup)
    }

    /// Every result file of a folder, by name: the records' files and `report` in every format.
    static func files(records: [NegotiationRecord], facts: TournamentFacts, report: TournamentReport) -> [(
        String, String
    )] {
        let writer = writer(facts)
        return [
            ("negotiations.csv", writer.csv(records)),
            ("negotiations.jsonl", NegotiationRecordWriter.jsonLines(records)),
            ("genius-log.csv", writer.geniusLog(records)),
            ("summary.json", report.render(.json)),
            ("summary.md", report.render(.markdown)),
            ("summary.html", report.render(.html)),
            ("summary.txt", report.render(.text)),
        ]
    }
}
