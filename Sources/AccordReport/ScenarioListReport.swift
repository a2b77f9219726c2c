import AccordCore
import AccordFormats

/// The list of bundled scenarios (`accord scenarios`): each one's name, title and size, the default marked.
///
/// The JSON form is an array of `{"name", "title", "parties", "issues", "outcomeCount", "default"}`.
public struct ScenarioListReport: Sendable {
    /// The scenarios, in the order listed.
    public let entries: [Entry]

    /// A report listing `entries`.
    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// The list in the requested format, ending with a newline: JSON pretty-printed; text and Markdown one line per
    /// scenario; HTML a minimal page holding the lines.
    public func render(_ format: ReportFormat) -> String {
        switch format {
        case .json: json().serialized() + "\n"
        case .text, .markdown: text()
        case .html: HTMLPage.preformatted(title: "Bundled scenarios", text: text())
        }
    }

    /// The list as JSON.
    public func json() -> JSONValue {
        .array(
            entries.map {
                .object([
                    ("name", .string($0.name)), ("title", .string($0.title)), ("parties", .int($0.parties)),
                    ("issues", .int($0.issues)), ("outcomeCount", .number($0.outcomeCount)),
                    ("default", .bool($0.isDefault)),
                ])
            })
    }

    /// The list as text, one line per scenario: `name (default): title — p parties, i issues, n outcomes`.
    public func text() -> String {
        entries.map { entry in
            "\(entry.name)\(entry.isDefault ? " (default)" : ""): \(entry.title) — \(entry.parties) parties, "
                + "\(entry.issues) issues, \(formatCount(entry.outcomeCount)) outcomes\n"
        }.joined()
    }
}
