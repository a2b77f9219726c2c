import Foundation

/// Combines the results folders of a tournament's shards (``TournamentRequest/shard``) into the results folder of
/// the whole run: the same files as an unsharded run of the same specification, the same summary byte for byte.
/// Every shard must come from the same specification and every negotiation must be present exactly once.
public struct MergeRequest: AccordOperation {
    /// The shards' results folders.
    public var shards: [String]
    /// The merged results folder (created if needed).
    public var resultsFolder: String

    /// Creates a request.
    public init(shards: [String], resultsFolder: String) {
        self.shards = shards
        self.resultsFolder = resultsFolder
    }

    public static var kind: OperationKind { .merge }

    public var parameters: JSONValue {
        .object([("shards", .array(shards.map { .string($0) })), ("out", .string(resultsFolder))])
    }

    /// The FNV-1a fingerprint of the shards' `tournament.json` and `progress.jsonl` files, in order.
    public func inputFingerprint() throws -> String {
        var bytes: [UInt8] = []
        for shard in shards {
            let folder = TournamentFolder(path: shard)
            for path in [folder.factsPath, folder.progressPath] {
                bytes += (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()
            }
        }
        return fnv1aFingerprint(bytes)
    }

    /// Reads the shards, writes the merged folder and returns the summary.
    ///
    /// - Throws: ``RequestError`` when no shard is given, a folder is not a tournament's, shards come from different
    ///   specifications, a negotiation is in two shards or missing, or the output folder holds another tournament;
    ///   ``IOFailure`` for a file that cannot be written.
    public func run(monitor: any RunMonitor) async throws -> TournamentResult {
        let (shardFacts, byID) = try gather()
        let missing = (0..<shardFacts.negotiations).filter { byID[$0] == nil }
        guard missing.isEmpty else {
            throw RequestError(
                "the shards hold \(byID.count) of the tournament's \(shardFacts.negotiations) negotiations; "
                    + "\(missing.count) are missing (the first is #\(missing[0])): run or finish the missing shards first"
            )
        }
        let facts = shardFacts.forShard(.whole)
        let folder = TournamentFolder(path: resultsFolder)
        try folder.prepare(for: facts)
        let records = byID.values.sorted { $0.id < $1.id }
        try folder.write(records.map { TournamentFiles.progressLine($0) + "\n" }.joined(), to: folder.progressPath)
        let result = try TournamentResult(records: records, facts: facts)
        try folder.writeResults(records, facts: facts, report: result.report)
        return result
    }

    /// The shards' common facts and their records by negotiation id.
    private func gather() throws -> (TournamentFacts, [Int: NegotiationRecord]) {
        guard let first = shards.first else { throw RequestError("give the shards' results folders to merge") }
        let facts = try facts(of: first)
        var records: [Int: NegotiationRecord] = [:]
        var origin: [Int: String] = [:]
        for shard in shards {
            let shardFacts = try self.facts(of: shard)
            guard shardFacts.fingerprint == facts.fingerprint else {
                throw RequestError(
                    "\(shard) holds another tournament's results (fingerprint \(shardFacts.fingerprint), not "
                        + "\(facts.fingerprint)); merge only shards of one specification")
            }
            let progressPath = TournamentFolder(path: shard).progressPath
            for (id, record) in try NegotiationRecordReader.read(path: progressPath).records {
                if let other = origin[id] {
                    throw RequestError("negotiation #\(id) is in both \(other) and \(shard); merge each shard once")
                }
                records[id] = record
                origin[id] = shard
            }
        }
        return (facts, records)
    }

    private func facts(of shard: String) throws -> TournamentFacts {
        let folder = TournamentFolder(path: shard)
        guard FileManager.default.fileExists(atPath: folder.factsPath) else {
            throw RequestError("\(shard) holds no tournament.json; it is not a results folder of accord tournament")
        }
        return try TournamentFacts.read(path: folder.factsPath)
    }
}
