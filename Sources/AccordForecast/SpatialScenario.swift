import AccordCore

/// A multi-actor political bargaining problem for the spatial model of politics: actors with a capability and, on
/// each policy dimension, a position and a salience.
///
/// Positions and saliences are on KTAB's 0–100 scale: a position is a point on the dimension's axis, a salience is
/// the share of the actor's attention the dimension gets (an actor's saliences sum to at most 100). Capability is
/// the actor's clout, any positive number.
public struct SpatialScenario: Sendable, Hashable {
    /// The scenario's name.
    public var name: String
    /// A free-text description.
    public var description: String
    /// One name per dimension, in column order.
    public var dimensions: [String]
    /// The actors, in input order; every result is indexed the same way.
    public var actors: [SpatialActor]

    /// Creates a scenario; ``validate()`` checks it.
    public init(name: String, description: String = "", dimensions: [String], actors: [SpatialActor]) {
        self.name = name
        self.description = description
        self.dimensions = dimensions
        self.actors = actors
    }
}

extension SpatialScenario {
    /// Checks everything the model relies on: at least three actors and one dimension, one position and salience
    /// per dimension, positive capabilities, positions and saliences on 0–100, saliences summing to at most 100
    /// and not all zero.
    ///
    /// - Throws: ``SpatialScenarioError`` for the first problem found.
    public func validate() throws(SpatialScenarioError) {
        guard actors.count >= 3 else { throw .tooFewActors(count: actors.count) }
        guard !dimensions.isEmpty else { throw .noDimensions }
        for actor in actors {
            guard actor.positions.count == dimensions.count, actor.saliences.count == dimensions.count else {
                throw .dimensionCountMismatch(
                    actor: actor.name, positions: actor.positions.count, saliences: actor.saliences.count,
                    dimensions: dimensions.count)
            }
            guard actor.capability.isFinite, actor.capability > 0 else {
                throw .invalidCapability(actor: actor.name, value: actor.capability)
            }
            for (dimension, value) in zip(dimensions, actor.positions) where !(0...100).contains(value) {
                throw .positionOutOfRange(actor: actor.name, dimension: dimension, value: value)
            }
            for (dimension, value) in zip(dimensions, actor.saliences) where !(0...100).contains(value) {
                throw .salienceOutOfRange(actor: actor.name, dimension: dimension, value: value)
            }
            let sum = actor.saliences.reduce(0, +)
            guard sum <= 100 else { throw .salienceSumAbove100(actor: actor.name, sum: sum) }
            guard sum > 0 else { throw .noSalience(actor: actor.name) }
        }
    }
}
