import AccordKit
import ArgumentParser
import Foundation

/// `accord merge`: combines the results folders of a tournament's shards into the results of the whole run.
struct Merge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Combine the results folders of a tournament's shards (accord tournament --shard k/n).",
        discussion: """
            The merged folder holds the same files as an unsharded run of the same specification, and the same \
            summary byte for byte. Every shard must come from the same specification and every negotiation must be \
            present exactly once.
            """)

    @Argument(help: ArgumentHelp("The shards' results folders.", valueName: "folder"))
    var inputs: [String]

    @Option(help: ArgumentHelp("The merged results folder (created if needed).", valueName: "folder"))
    var out: String

    @Option(help: "The summary printed at the end: text, json, markdown or html.")
    var format: ReportFormat = .text

    func run() async throws {
        guard !inputs.isEmpty else { throw RequestError("give the shards' results folders to merge") }
        var facts: TournamentFacts?
        var records: [Int: NegotiationRecord] = [:]
        var origin: [Int: String] = [:]
        for input in inputs {
            let folder = TournamentFolder(path: input)
            guard FileManager.default.fileExists(atPath: folder.factsPath) else {
                throw RequestError("\(input) holds no tournament.json; it is not a results folder of accord tournament")
            }
            let shardFacts = try TournamentFacts.read(path: folder.factsPath)
            if let facts, facts.fingerprint != shardFacts.fingerprint {
                throw RequestError(
                    "\(input) holds another tournament's results (fingerprint \(shardFacts.fingerprint), not "
                        + "\(facts.fingerprint)); merge only shards of one specification")
            }
            if facts == nil { facts = shardFacts }
            for (id, record) in try NegotiationRecordReader.read(path: folder.progressPath).records {
                if let other = origin[id] {
                    throw RequestError("negotiation #\(id) is in both \(other) and \(input); merge each shard once")
                }
                records[id] = record
                origin[id] = input
            }
        }
        guard let facts else { return }
        let missing = (0..<facts.negotiations).filter { records[$0] == nil }
        guard missing.isEmpty else {
            throw RequestError(
                "the shards hold \(records.count) of the tournament's \(facts.negotiations) negotiations; "
                    + "\(missing.count) are missing (the first is #\(missing[0])): run or finish the missing shards first"
            )
        }
        let merged = facts.forShard(.whole)
        let folder = TournamentFolder(path: out)
        try folder.prepare(for: merged)
        let sorted = records.values.sorted { $0.id < $1.id }
        try folder.write(sorted.map { TournamentOutput.progressLine($0) + "\n" }.joined(), to: folder.progressPath)
        let report = try TournamentOutput.report(records: sorted, facts: merged)
        try folder.writeResults(sorted, facts: merged, report: report)
        emit(report.render(format))
    }
}
