/// The results of a tournament's run or slice (``TournamentRequest``), or of its merged shards (``MergeRequest``,
/// byte for byte those of an unsharded run): its records and their summary, which renders as the `summary.*` files
/// of the results folder.
public struct TournamentResult: OperationResult {
    /// What the results folder records about the tournament (`tournament.json`).
    public var facts: TournamentFacts
    /// The slice's records, in plan order.
    public var records: [NegotiationRecord]
    /// The summary: setup, ranking, pairwise tests and per-scenario means.
    public var report: TournamentReport

    /// The results of `records`, from the tournament that `facts` describes.
    init(records: [NegotiationRecord], facts: TournamentFacts) throws {
        self.facts = facts
        self.records = records
        report = try TournamentReport(records: records, facts: facts)
    }

    /// The summary in `format`, as `accord tournament` and `accord merge` print it.
    public func render(_ format: ReportFormat) -> String { report.render(format) }
}
