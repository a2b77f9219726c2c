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

/// KTAB's `VPModel`: the probability that a coalition of strength s₁ beats one of strength s₂ is
/// f(s₁) / (f(s₁) + f(s₂)).
public enum VictoryProbabilityModel: String, Sendable, Hashable, CaseIterable {
    /// f(s) = s (KTAB `Linear`, the default).
    case linear
    /// f(s) = s² (`Square`).
    case square
    /// f(s) = s⁴ (`Quartic`).
    case quartic
    /// f(s) = s⁸ (`Octic`).
    case octic
    /// A 10 % advantage wins for certain, with linear interpolation in between (`Binary`).
    case binary
}

/// KTAB's `PCEModel`: from pairwise victory probabilities to the probability that each option prevails.
public enum PCEModel: String, Sendable, Hashable, CaseIterable {
    /// The probability that an option beats every other, conditioned on some option doing so
    /// (`ConditionalPCM`, the default).
    case conditional
    /// A Markov process where challenges arise in proportion to the incentive to challenge (`MarkovIPCM`).
    case markovIncentive
    /// A Markov process where every challenge is equally likely (`MarkovUPCM`).
    case markovUniform
}

/// KTAB's `StateTransMode`.
public enum StateTransitions: String, Sendable, Hashable, CaseIterable {
    /// Each actor adopts its most probable bargain; ties go to the first in its queue (the default).
    case deterministic
    /// Each actor draws its bargain from the bargains' probabilities, with the generator given to the run.
    case stochastic
}

/// KTAB's `VotingRule`: the vote of an actor of weight w whose utility difference between two options is Δu.
public enum VotingRule: String, Sendable, Hashable, CaseIterable {
    /// w · clamp(Δu / 10⁻⁸, −1, 1) (`Binary`).
    case binary
    /// w · (0.8 Δu + 0.2 binary) (`PropBin`).
    case proportionalBinary
    /// w · Δu (`Prop`, the default).
    case proportional
    /// w · (Δu + Δu³) / 2 (`PropCbc`).
    case proportionalCubic
    /// w · Δu³ (`Cubic`).
    case cubic
    /// w · Δu for losses, ⅔ w · Δu for gains (`ASymProsp`).
    case asymmetricProspect
}

/// KTAB's `BigRAdjust`: actor h's estimate of actor i's risk attitude from their inferred attitudes r_h and r_i.
public enum BigRAdjust: String, Sendable, Hashable, CaseIterable {
    /// r_i (`FullRA`).
    case full
    /// (r_h + 2 r_i) / 3 (`TwoThirdsRA`).
    case twoThirds
    /// (r_h + r_i) / 2 (`HalfRA`).
    case half
    /// (2 r_h + r_i) / 3 (`OneThirdRA`, the default).
    case oneThird
    /// r_h (`NoRA`).
    case none
}

/// KTAB's `BigRRange`: the range onto which an actor's risk attitude is mapped from its position's probability
/// (the most likely position gets the top of the range, the least likely the bottom).
public enum BigRRange: String, Sendable, Hashable, CaseIterable {
    /// [0, 1] (`Min`).
    case min
    /// [−½, 1] (`Mid`, the default).
    case mid
    /// [−1, 1] (`Max`).
    case max
}

/// KTAB's `ThirdPartyCommit`: what a third party expects when it joins a side.
public enum ThirdPartyCommit: String, Sendable, Hashable, CaseIterable {
    /// It adopts the winner's position whichever side it joined (`FullCommit`).
    case fullCommit
    /// It keeps its own position if its side wins and adopts the winner's if it loses (`SemiCommit`, the default).
    case semiCommit
    /// It keeps its own position either way (`NoCommit`).
    case noCommit
}

/// KTAB's `InterVecBrgn`: how a bargain between initiator i and target j is interpolated on each dimension.
public enum BargainInterpolation: String, Sendable, Hashable, CaseIterable {
    /// Weights salience · probability (`S1P1`).
    case s1p1
    /// Weights (salience · probability)² (`S2P2`, the default).
    case s2p2
    /// The weaker side concedes in proportion to its probability deficit, weighted by squared saliences (`S2PMax`).
    case s2pMax
}

/// KTAB's `SMPBargnModel`: which perspectives form the bargains put to the actors.
public enum BargainModel: String, Sendable, Hashable, CaseIterable {
    /// The initiator interpolates the bargain from its own estimate of its chances (`InitOnlyInterp`, the default).
    case initiatorOnly
    /// Both the initiator's and the target's interpolations are proposed (`InitRcvrInterp`).
    case initiatorAndReceiver
    /// One compromise of the two, weighted by capability × salience (`PWCompInterp`).
    case powerWeightedCompromise
}
