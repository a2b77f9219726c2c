/// A named package on the table: a choice on some or all issues, the rest left open.
public struct Proposal: Sendable, Hashable, Codable {
    /// The identifier used in scenario files and reports.
    public var id: String
    /// A human-readable name; defaults to the identifier.
    public var name: String
    /// Free text describing the proposal and its source.
    public var description: String?
    /// The chosen level on each issue, in issue order; `nil` leaves the issue open.
    public var levels: [Int?]

    /// Creates a proposal from its level on each issue (`nil` for an open issue); its name defaults to its
    /// identifier.
    public init(id: String, name: String? = nil, description: String? = nil, levels: [Int?]) {
        self.id = id
        self.name = name ?? id
        self.description = description
        self.levels = levels
    }

    /// Whether every issue is decided.
    public var isComplete: Bool { levels.allSatisfy { $0 != nil } }

    /// The full outcome, when every issue is decided.
    public var outcome: Outcome? {
        isComplete ? Outcome(levels: levels.map { $0! }) : nil
    }
}
