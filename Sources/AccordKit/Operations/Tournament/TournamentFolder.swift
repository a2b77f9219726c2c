import Foundation

/// A tournament's results folder: `tournament.json` (which tournament and slice it holds), `progress.jsonl` (the
/// append-only log of starts and records) and the result files, written once its slice is complete.
struct TournamentFolder: Sendable {
    let path: String

    var factsPath: String { path + "/tournament.json" }
    var progressPath: String { path + "/progress.jsonl" }

    /// Creates the folder, or checks that it holds this tournament's slice: never mixes or overwrites another's.
    func prepare(for facts: TournamentFacts) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            do {
                try manager.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw IOFailure("cannot create the results folder '\(path)'", error: error)
            }
            return try write(facts.json, to: factsPath)
        }
        guard isDirectory.boolValue else { throw RequestError("\(path) is a file, not a results folder") }
        guard manager.fileExists(atPath: factsPath) else {
            let contents = (try? manager.contentsOfDirectory(atPath: path)) ?? []
            guard contents.filter({ !$0.hasPrefix(".") }).isEmpty else {
                throw RequestError(
                    "\(path) is not empty and holds no tournament.json; choose an empty or new --out folder, nothing "
                        + "was overwritten")
            }
            return try write(facts.json, to: factsPath)
        }
        try check(try TournamentFacts.read(path: factsPath), against: facts)
    }

    /// Refuses a folder whose facts are another tournament's or another slice's.
    private func check(_ existing: TournamentFacts, against facts: TournamentFacts) throws {
        guard existing.fingerprint == facts.fingerprint else {
            throw RequestError(
                "\(path) holds the results of another tournament (fingerprint \(existing.fingerprint), this "
                    + "one \(facts.fingerprint)); choose another --out folder, nothing was overwritten")
        }
        guard existing.shard == facts.shard else {
            throw RequestError(
                "\(path) holds shard \(existing.shard) of this tournament, not \(facts.shard); give each shard its "
                    + "own --out folder")
        }
    }

    /// The records of `negotiations` in their order, read from the progress log; nil when one is missing.
    func records(of negotiations: [Tournament.Negotiation]) throws -> [NegotiationRecord]? {
        let written = try NegotiationRecordReader.read(path: progressPath).records
        var records: [NegotiationRecord] = []
        records.reserveCapacity(negotiations.count)
        for negotiation in negotiations {
            guard let record = written[negotiation.id] else { return nil }
            records.append(record)
        }
        return records
    }

    /// Writes the result files of a complete slice (or merge): the records' files and the report in every format.
    func writeResults(_ records: [NegotiationRecord], facts: TournamentFacts, report: TournamentReport) throws {
        for (name, text) in TournamentFiles.files(records: records, facts: facts, report: report) {
            try write(text, to: path + "/" + name)
        }
    }

    /// Replaces `file` with `text` in one step.
    func write(_ text: String, to file: String) throws(IOFailure) {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
        } catch {
            throw IOFailure("cannot write '\(file)'", error: error)
        }
    }
}
