import AccordKit
import ArgumentParser

/// `accord analyze`'s options for how much it lists and runs: the sensitivity sweep's limit, the length of the
/// zone and frontier lists, and the files that receive every package of the zone and the frontier.
struct AnalyzeListOptions: ParsableArguments {
    @Option(help: "The largest space on which the one-at-a-time sensitivity sweep runs (0 turns it off).")
    var sensitivityLimit: Int = AnalysisOptions().sensitivityOutcomeLimit

    @Option(
        help:
            "How many packages the zone and frontier lists show (default: the zone's best 20, the frontier's first 12)."
    )
    var limit: Int?

    @Option(
        help: ArgumentHelp(
            "Write every package of the agreement zone to FILE: CSV (.csv) or JSON Lines (.jsonl).", valueName: "file"))
    var exportZone: String?

    @Option(
        help: ArgumentHelp(
            "Write every package of the Pareto frontier to FILE: CSV (.csv) or JSON Lines (.jsonl).",
            valueName: "file"))
    var exportFrontier: String?

    func validate() throws {
        guard sensitivityLimit >= 0 else {
            throw ValidationError("--sensitivity-limit must be at least 0, found \(sensitivityLimit).")
        }
        if let limit, limit < 0 { throw ValidationError("--limit must be at least 0, found \(limit).") }
    }
}
