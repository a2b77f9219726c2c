/// The results of merged shards (``MergeRequest``): every negotiation's record and their summary, byte for byte
/// those of an unsharded run of the same specification.
public struct MergeResult: OperationResult {
    /// What the merged folder records about the tournament (`tournament.json`, shard `1/1`).
    public var facts: TournamentFacts
    /// Every negotiation's record, in plan order.
    public var records: [NegotiationRecord]
    /// The summary: setup, ranking, pairwise tests and per-scenario means.
    public var report: TournamentReport

    /// The results of `records`, from the tournament that `facts` describes.
    init(records: [NegotiationRecord], facts: TournamentFacts) throws {
        self.facts = facts
        self.records = records
        report = try TournamentReport(records: records, facts: facts)
    }

    /// The summary in `format`, as `accord merge` prints it.
    public func render(_ format: ReportFormat) -> String { report.render(format) }
}
