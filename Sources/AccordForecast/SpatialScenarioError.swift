import AccordCore

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
