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

/// Why a ``SpatialScenario`` cannot be run.
public enum SpatialScenarioError: AccordError, Sendable, Hashable {
    /// The model needs at least three actors.
    case tooFewActors(count: Int)
    /// The scenario has no dimension.
    case noDimensions
    /// An actor gives a different number of positions or saliences than there are dimensions.
    case dimensionCountMismatch(actor: String, positions: Int, saliences: Int, dimensions: Int)
    /// A capability is not a positive finite number.
    case invalidCapability(actor: String, value: Double)
    /// A position lies outside 0–100.
    case positionOutOfRange(actor: String, dimension: String, value: Double)
    /// A salience lies outside 0–100.
    case salienceOutOfRange(actor: String, dimension: String, value: Double)
    /// An actor's saliences sum above 100.
    case salienceSumAbove100(actor: String, sum: Double)
    /// An actor's saliences are all zero, so distances to its position are undefined.
    case noSalience(actor: String)

    public var description: String {
        switch self {
        case .tooFewActors(let count):
            return "the spatial model needs at least 3 actors, found \(count)"
        case .noDimensions:
            return "the scenario has no dimension"
        case .dimensionCountMismatch(let actor, let positions, let saliences, let dimensions):
            return "actor \(actor) gives \(positions) positions and \(saliences) saliences for \(dimensions) dimensions"
        case .invalidCapability(let actor, let value):
            return "actor \(actor) has capability \(value); expected a positive number"
        case .positionOutOfRange(let actor, let dimension, let value):
            return "actor \(actor) has position \(value) on \(dimension); expected 0–100"
        case .salienceOutOfRange(let actor, let dimension, let value):
            return "actor \(actor) has salience \(value) on \(dimension); expected 0–100"
        case .salienceSumAbove100(let actor, let sum):
            return "actor \(actor) has saliences summing to \(sum); expected at most 100"
        case .noSalience(let actor):
            return "actor \(actor) has zero salience on every dimension"
        }
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
