import AccordKit

/// Which runs ``WorkspaceStore/runs(matching:)`` lists.
public struct RunFilter: Sendable, Equatable {
    /// Only runs on this scenario id.
    public var scenarioID: String?
    /// Only runs of this operation.
    public var operation: OperationKind?
    /// At most this many (the newest).
    public var limit: Int

    /// Creates a filter; by default the newest 100 runs of every kind.
    public init(scenarioID: String? = nil, operation: OperationKind? = nil, limit: Int = 100) {
        self.scenarioID = scenarioID
        self.operation = operation
        self.limit = limit
    }
}
