/// A section of the analysis that was left out: why, and which limits to raise, and to what, for it to run.
public struct SkippedSection: Sendable, Hashable {
    /// Why, as a clause without its closing full stop, quoting the numbers compared, such as
    /// `1,481,760 outcomes × 11 coalitions is more than the limit of 2,000,000 checks set by --diagnostics-limit`.
    public var reason: String
    /// The sentence the analysis also puts among its notes, such as `Coalitions were not analysed: <reason>.`
    public var note: String
    /// The limits that would let the section run, each with the smallest value that does; empty when no limit
    /// would (the sensitivity sweep of utilities that are not additive, coalitions of more than
    /// ``Scenario/maximumCoalitionParties`` parties).
    public var remedies: [LimitRemedy]

    /// Creates the record of a skipped section.
    public init(reason: String, note: String, remedies: [LimitRemedy] = []) {
        self.reason = reason
        self.note = note
        self.remedies = remedies
    }
}
