import AccordCore

/// The Spatial Model of Politics of KAPSARC's KTAB toolkit: actors with capability, positions and saliences bargain
/// turn by turn until the state settles.
///
/// This is a Swift implementation of KTAB's SMP (MIT licence, © 2015 King Abdullah Petroleum Studies and Research
/// Center; `examples/smp/libsrc/smp.cpp`, `smpbcn.cpp` and `KTAB/kmodel/libsrc/kmodel.cpp`). In its default
/// configuration (``SpatialModelParameters/ktabDefault``) it reproduces KTAB's reference runs: the fractional change
/// of every turn and every actor's winning probability to 4 decimals, and the final positions to 0.1.
///
/// Each turn:
/// 1. Every actor judges every position with a salience-weighted distance; risk attitudes are inferred from a
///    risk-neutral probabilistic Condorcet election (positions likely to win make their holders risk averse), and
///    each actor estimates the others' attitudes (``BigRAdjust``).
/// 2. Every actor picks the target whose challenge it expects to gain most from, counting semi-committed third
///    parties, and interpolates a bargain weighted by (salience · probability)².
/// 3. Every actor's queue holds its status quo and the bargains it proposed or received; all actors vote on each
///    queue's outcomes, and the actor adopts the most probable one.
///
/// The run stops when a turn moves the state by less than 2 % of the first turn's move (after at least two turns),
/// or after 100 turns.
public struct SpatialModel: Sendable {
    /// The scenario being forecast.
    public let scenario: SpatialScenario
    /// The model's switches.
    public let parameters: SpatialModelParameters
    /// The precomputed numbers the engine runs on.
    package let core: Core

    /// Prepares a model of `scenario`.
    ///
    /// - Throws: ``SpatialScenarioError`` when the scenario is not valid (see ``SpatialScenario/validate()``).
    public init(scenario: SpatialScenario, parameters: SpatialModelParameters = .ktabDefault)
        throws(SpatialScenarioError)
    {
        try scenario.validate()
        self.scenario = scenario
        self.parameters = parameters
        self.core = Core(scenario: scenario, parameters: parameters)
    }

    /// The engine's view of the scenario: KTAB's internal 0–1 scale for positions and saliences.
    package struct Core: Sendable {
        package let parameters: SpatialModelParameters
        package let actorCount: Int
        package let capabilities: [Double]
        /// saliences[i][k], on 0–1.
        package let saliences: [[Double]]
        /// The sum of each actor's saliences, on 0–1.
        package let salienceSums: [Double]
        /// The initial state, positions on 0–1.
        package let initialState: SpatialState

        init(scenario: SpatialScenario, parameters: SpatialModelParameters) {
            self.parameters = parameters
            actorCount = scenario.actors.count
            capabilities = scenario.actors.map(\.capability)
            saliences = scenario.actors.map { $0.saliences.map { $0 / 100.0 } }
            salienceSums = saliences.map { $0.reduce(0, +) }
            initialState = SpatialState(positions: scenario.actors.map { $0.positions.map { $0 / 100.0 } })
        }
    }

    /// Runs the model to its end. In stochastic mode every draw comes from `generator`.
    ///
    /// - Complexity: O(turns × n³) for n actors (each actor weighs a challenge of every other with every third party).
    public func run(using generator: inout some RandomNumberGenerator) -> SpatialForecast {
        run(using: &generator, afterTurn: { _ in })
    }

    /// Runs the model to its end, calling `afterTurn` with the number of turns done after each turn, so a caller can
    /// show progress (at most ``SpatialModelParameters/maximumTurns`` turns) or stop the run by throwing.
    ///
    /// - Parameters:
    ///   - generator: the source of every draw in stochastic mode.
    ///   - afterTurn: called after turn 1, 2, …; the error it throws ends the run and is rethrown.
    /// - Complexity: O(turns × n³) for n actors, plus the calls to `afterTurn`.
    public func run<Failure: Error>(
        using generator: inout some RandomNumberGenerator, afterTurn: (_ turnsDone: Int) throws(Failure) -> Void
    ) throws(Failure) -> SpatialForecast {
        var states = [core.initialState]
        var assessments = [Assessment(state: core.initialState, model: core)]
        var turns: [EngineTurn] = []
        var fractionalChanges: [Double] = []
        let minimumSignificantMove = 1e-4
        while true {
            let turn = core.turn(
                from: states[states.count - 1], assessment: assessments[assessments.count - 1],
                using: &generator)
            states.append(turn.result)
            assessments.append(Assessment(state: turn.result, model: core))
            turns.append(turn)
            let firstMove = SpatialState.distance(states[0], states[1]) + minimumSignificantMove
            let lastMove = SpatialState.distance(states[states.count - 1], states[states.count - 2])
            let ratio = lastMove / firstMove
            fractionalChanges.append(ratio)
            let count = turns.count
            try afterTurn(count)
            if count >= parameters.maximumTurns
                || (count >= parameters.minimumTurns && ratio < parameters.stoppingRatio)
            {
                break
            }
        }
        let probabilities = zip(states, assessments).map { core.winningProbabilities(of: $0, assessment: $1) }
        return SpatialForecast(
            scenario: scenario, parameters: parameters,
            positions: states.map { $0.positions.map { $0.map { $0 * 100 } } },
            winningProbabilities: probabilities, fractionalChanges: fractionalChanges,
            turns: turns.map(\.record))
    }

    /// Runs the model to its end. Deterministic transitions use no random numbers; in stochastic mode the draws come
    /// from a `SplitMix64` generator (AccordCore) seeded with 0 (use ``run(using:)`` to choose the generator).
    public func run() -> SpatialForecast {
        var generator = SplitMix64(seed: 0)
        return run(using: &generator)
    }
}
