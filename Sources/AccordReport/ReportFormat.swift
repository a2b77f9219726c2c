/// The output formats of Accord's reports.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// A readable report for a terminal.
    case text
    /// The stable, machine-readable contract.
    case json
    /// A report for documents and issue trackers.
    case markdown
    /// One self-contained HTML page with SVG charts (`accord analyze`, `accord forecast`); the other commands render a
    /// minimal page.
    case html
}
