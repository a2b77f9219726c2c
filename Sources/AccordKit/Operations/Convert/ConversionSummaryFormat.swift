/// The formats of a conversion's summary (`accord convert --format`): a few lines for a person, or JSON.
public enum ConversionSummaryFormat: String, Sendable, CaseIterable, Hashable {
    /// What was written where, and the notes, as lines of text.
    case text
    /// The same as a JSON object: `format`, `scenario`, `files`, `notes`.
    case json

    /// The report format that renders the summary.
    public var reportFormat: ReportFormat {
        switch self {
        case .text: .text
        case .json: .json
        }
    }
}
