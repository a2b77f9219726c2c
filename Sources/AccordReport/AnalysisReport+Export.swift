import AccordCore
import AccordFormats

extension AnalysisReport {
    /// The header line of a CSV export of packages (`--export-zone`, `--export-frontier`), without its newline: each
    /// issue's id, then `utility.<party>` and `margin.<party>` (utility − reservation) per party, then the zone
    /// list's keys `minimumMargin` and `nashProduct`.
    public func packageCSVHeader() -> String {
        (space.issues.map(\.id) + parties.map { "utility.\($0.id)" } + parties.map { "margin.\($0.id)" }
            + ["minimumMargin", "nashProduct"])
            .map(csvField).joined(separator: ",")
    }

    /// One package as a CSV line of ``packageCSVHeader()``'s columns, without its newline: options by id, numbers
    /// in the shortest form that reads back to the same double.
    public func packageCSVLine(_ package: ScoredOutcome) -> String {
        let options = zip(space.issues, package.outcome.levels).map { $0.label(ofLevel: $1) }
        let numbers =
            package.utilities + zip(package.utilities, parties).map { $0 - $1.reservation }
            + [minimumMargin(package), nashProduct(package)]
        return (options.map(csvField) + numbers.map { JSONValue.format($0) }).joined(separator: ",")
    }

    /// One package as a line of JSON Lines, without its newline: `{"outcome", "utilities", "margins",
    /// "minimumMargin", "nashProduct"}`, each as in the report's JSON.
    public func packageJSONLine(_ package: ScoredOutcome) -> String {
        JSONValue.object([
            ("outcome", encoder.outcomeJSON(package.outcome)),
            ("utilities", encoder.utilitiesJSON(package.utilities)),
            ("margins", encoder.utilitiesJSON(zip(package.utilities, parties).map { $0 - $1.reservation })),
            ("minimumMargin", .number(minimumMargin(package))),
            ("nashProduct", .number(nashProduct(package))),
        ])
        .serialized(indent: 0)
    }
}
