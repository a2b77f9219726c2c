/// The switches of the spatial model of politics, named as KTAB names them.
///
/// ``ktabDefault`` is KTAB's default configuration, the one its reference runs use and the one Accord reproduces
/// exactly. The other values are KTAB's alternatives, implemented from its source (MIT, KAPSARC,
/// `KTAB/kmodel/libsrc/kmodel.cpp` and `examples/smp/libsrc/smp.cpp`).
public struct SpatialModelParameters: Sendable, Hashable {
    /// How coalition strengths turn into the probability that one option beats another.
    public var victoryProbability: VictoryProbabilityModel
    /// How pairwise victory probabilities turn into the probability that each option prevails overall.
    public var pceModel: PCEModel
    /// Whether each actor adopts its most likely bargain or draws one at random.
    public var stateTransitions: StateTransitions
    /// How an actor's difference in utility between two options becomes its vote.
    public var votingRule: VotingRule
    /// How much of its own risk attitude an actor projects onto others.
    public var bigRAdjust: BigRAdjust
    /// The range onto which inferred risk attitudes are mapped.
    public var bigRRange: BigRRange
    /// How a third party judges the outcome of a contest it joins.
    public var thirdPartyCommit: ThirdPartyCommit
    /// How a two-actor bargain is interpolated between their positions.
    public var bargainInterpolation: BargainInterpolation
    /// Which perspectives form the proposed bargains.
    public var bargainModel: BargainModel
    /// The largest number of turns (KTAB: 100).
    public var maximumTurns: Int
    /// The turns always run before the stopping rule may end the run (KTAB: 2).
    public var minimumTurns: Int
    /// The run stops when a turn moves the state by less than this fraction of the first turn's move (KTAB: 0.02).
    public var stoppingRatio: Double

    /// Creates a configuration; every argument defaults to KTAB's default.
    public init(
        victoryProbability: VictoryProbabilityModel = .linear,
        pceModel: PCEModel = .conditional,
        stateTransitions: StateTransitions = .deterministic,
        votingRule: VotingRule = .proportional,
        bigRAdjust: BigRAdjust = .oneThird,
        bigRRange: BigRRange = .mid,
        thirdPartyCommit: ThirdPartyCommit = .semiCommit,
        bargainInterpolation: BargainInterpolation = .s2p2,
        bargainModel: BargainModel = .initiatorOnly,
        maximumTurns: Int = 100,
        minimumTurns: Int = 2,
        stoppingRatio: Double = 0.02
    ) {
        self.victoryProbability = victoryProbability
        self.pceModel = pceModel
        self.stateTransitions = stateTransitions
        self.votingRule = votingRule
        self.bigRAdjust = bigRAdjust
        self.bigRRange = bigRRange
        self.thirdPartyCommit = thirdPartyCommit
        self.bargainInterpolation = bargainInterpolation
        self.bargainModel = bargainModel
        self.maximumTurns = maximumTurns
        self.minimumTurns = minimumTurns
        self.stoppingRatio = stoppingRatio
    }

    /// KTAB's default: Linear, Conditional, Deterministic, Prop, OneThird, Mid, SemiCommit, S2P2, InitOnlyInterp;
    /// at most 100 turns, stop below 2 % of the first turn's move.
    public static let ktabDefault = SpatialModelParameters()
}
