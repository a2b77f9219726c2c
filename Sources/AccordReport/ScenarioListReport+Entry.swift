import AccordFormats

extension ScenarioListReport {
    /// One scenario of the list.
    public struct Entry: Sendable, Hashable {
        /// The name it is loaded by, such as `berlin-2025`.
        public var name: String
        /// The scenario's own name.
        public var title: String
        /// The number of parties.
        public var parties: Int
        /// The number of issues.
        public var issues: Int
        /// The number of outcomes (approximate for spaces too large to count exactly).
        public var outcomeCount: Double
        /// Whether it runs when a command names no scenario.
        public var isDefault: Bool

        /// Creates an entry.
        public init(name: String, title: String, parties: Int, issues: Int, outcomeCount: Double, isDefault: Bool) {
            self.name = name
            self.title = title
            self.parties = parties
            self.issues = issues
            self.outcomeCount = outcomeCount
            self.isDefault = isDefault
        }
    }
}
