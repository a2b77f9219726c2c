/// How far a run is: `done` of `total` units of work.
public struct RunProgress: Sendable, Equatable {
    /// Units finished, including those recorded by an earlier run that this one resumes.
    public var done: Int
    /// Units in all.
    public var total: Int
    /// The unit, plural: "negotiations", "draws", "rounds", "turns".
    public var unit: String

    /// Creates a progress report.
    public init(done: Int, total: Int, unit: String) {
        self.done = done
        self.total = total
        self.unit = unit
    }

    /// The share finished, from 0 to 1 (1 when there is nothing to do).
    public var fraction: Double { total > 0 ? Double(done) / Double(total) : 1 }
}
