/// The files of a tournament's results, written the same way by a run, a resumed run and a merge.
enum TournamentFiles {
    /// A line of `progress.jsonl` (without its newline): the record's JSON line with its wall-clock time appended
    /// (kept for the GENIUS log; left out of every deterministic output).
    static func progressLine(_ record: NegotiationRecord) -> String {
        var line = NegotiationRecordWriter.jsonLine(record)
        while line.hasSuffix("\n") { line.removeLast() }
        if line.hasSuffix("}") {
            line.removeLast()
            line += ",\"seconds\":\(record.seconds)}"
        }
        return line
    }

    /// The writer of the records' files, with the tournament's party columns, deadline and discounted scenarios.
    static func writer(_ facts: TournamentFacts) -> NegotiationRecordWriter {
        let deadline = try? Deadline(rounds: facts.rounds, seconds: facts.seconds)
        return NegotiationRecordWriter(
            parties: facts.parties, deadline: deadline.map { NegotiationRecordWriter.geniusDeadline($0) } ?? "",
            discountedScenarios: Set(facts.discountedScenarios))
    }

    /// Every result file of a folder, by name: the records' files and `report` in every format.
    static func files(
        records: [NegotiationRecord], facts: TournamentFacts, report: TournamentReport
    ) -> [(name: String, text: String)] {
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
