import AccordCore

/// One actor of a ``SpatialScenario``.
public struct SpatialActor: Sendable, Hashable {
    /// A short name, such as `XJ`.
    public var name: String
    /// A free-text description.
    public var description: String
    /// The actor's clout (KTAB's "capability" or "power"); positive.
    public var capability: Double
    /// One position per dimension, on 0–100.
    public var positions: [Double]
    /// One salience per dimension, on 0–100, summing to at most 100.
    public var saliences: [Double]

    /// Creates an actor.
    public init(name: String, description: String = "", capability: Double, positions: [Double], saliences: [Double]) {
        self.name = name
        self.description = description
        self.capability = capability
        self.positions = positions
        self.saliences = saliences
    }
}
