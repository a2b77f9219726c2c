/// Bueno de Mesquita's expected-utility model of group decisions, in the published form of Scholz, Calbert & Smith
/// (2011), "Unravelling Bueno De Mesquita's group decision model", *Journal of Theoretical Politics* 23(4): 510–531;
/// the baseline reported beside every spatial-model forecast.
///
/// The published model is one-dimensional: each dimension of the scenario is run on its own, with the actors'
/// capabilities and that dimension's positions and saliences (salience s_i = the input salience / 100, read as the
/// probability that the actor resists a challenge). Δ is the range of the actors' initial positions on the
/// dimension. Each round, from the positions x:
///
/// 1. **Median voter** μ: the position that no other beats in the pairwise votes
///    Σ_k c_k s_k (|x_k − b| − |x_k − a|) of a against b — the capability × salience weighted median (the midpoint
///    when exactly half the weight lies at or below a position, as in ``SpatialBaselines``).
/// 2. **Probability of success** of i against j: P_ij = Σ_{k: v_k > 0} v_k / Σ_k |v_k| with
///    v_k = c_k s_k (|x_k − x_j| − |x_k − x_i|), over all actors k (½ when every v_k is 0).
/// 3. **Utilities** with risk exponent r, d = |x_i − x_j|/Δ and e = (|x_i − μ| + |x_i − x_j|)/Δ:
///    U_s = 2 − 4(½ − ½d)^r, U_f = 2 − 4(½ + ½d)^r, U_b = 2 − 4(½ − ¼e)^r, U_w = 2 − 4(½ + ¼e)^r,
///    U_sq = 2 − 4(½)^r.
/// 4. **Expected utility** of i challenging j:
///    E(U_ij) = s_j (P_ij U_s + (1 − P_ij) U_f) + (1 − s_j) U_s − Q U_sq − (1 − Q)(T U_b + (1 − T) U_w);
///    0 between actors at the same position.
/// 5. **Risk**: with every r = 1, the security level S_i = Σ_{j≠i} E(U_ji);
///    R_i = (2S_i − S_max − S_min)/(S_max − S_min) and r_i = (1 − R_i/3)/(1 + R_i/3) (all 1 when the S_i are equal).
/// 6. **Offers**: actor i judges each rival j from its own side, E^i(U_ij) and E^i(U_ji) both with r_i. It loses a
///    conflict (both positive, j's larger) and adopts x_j; compromises (E^i(U_ij) < 0 < E^i(U_ji), |E^i(U_ij)| less
///    than E^i(U_ji)) and moves to x_i + (x_j − x_i)|E^i(U_ij)/E^i(U_ji)|; or capitulates (the same with
///    |E^i(U_ij)| ≥ E^i(U_ji)) and adopts x_j. Of the offers it yields to, i accepts the one that moves it least
///    (the lowest-indexed rival on ties); all actors move at once.
///
/// The run stops after a round that moves no actor (``ExpectedUtilityStopReason/stable``) or after
/// ``ExpectedUtilityParameters/maximumRounds`` rounds; the forecast is the median voter position of the final
/// state. The run is deterministic.
public struct ExpectedUtilityModel: Sendable {
    /// The scenario being forecast.
    public let scenario: SpatialScenario
    /// Q, T and the round limit.
    public let parameters: ExpectedUtilityParameters

    /// Prepares a model of `scenario`.
    ///
    /// - Throws: ``SpatialScenarioError`` when the scenario is not valid (see ``SpatialScenario/validate()``).
    public init(scenario: SpatialScenario, parameters: ExpectedUtilityParameters = .scholz2011)
        throws(SpatialScenarioError)
    {
        try scenario.validate()
        self.init(validated: scenario, parameters: parameters)
    }

    /// A model of a scenario already validated.
    init(validated scenario: SpatialScenario, parameters: ExpectedUtilityParameters = .scholz2011) {
        self.scenario = scenario
        self.parameters = parameters
    }

    /// Runs every dimension of the scenario on its own.
    ///
    /// - Complexity: O(d · rounds · n³) for n actors and d dimensions.
    public func run() -> ExpectedUtilityForecast {
        let runs = scenario.dimensions.indices.map { k in
            Self.run(
                capabilities: scenario.actors.map(\.capability), positions: scenario.actors.map { $0.positions[k] },
                saliences: scenario.actors.map { $0.saliences[k] }, parameters: parameters)
        }
        return ExpectedUtilityForecast(scenario: scenario, parameters: parameters, runs: runs)
    }

    /// Runs the model on one dimension.
    ///
    /// - Parameters:
    ///   - capabilities: c_i, positive.
    ///   - positions: x_i on 0–100.
    ///   - saliences: on 0–100 (divided by 100 inside).
    /// - Returns: the run, or nil when no actor gives the dimension a positive salience.
    /// - Complexity: O(rounds · n³) for n actors.
    public static func run(
        capabilities: [Double], positions: [Double], saliences: [Double],
        parameters: ExpectedUtilityParameters = .scholz2011
    ) -> ExpectedUtilityRun? {
        precondition(
            capabilities.count == positions.count && positions.count == saliences.count,
            "one capability, position and salience per actor")
        guard
            let dimension = ExpectedUtilityDimension(
                capabilities: capabilities, positions: positions, saliences: saliences, parameters: parameters)
        else { return nil }
        var states = [positions]
        var medians = [dimension.medianVoterPosition(positions)]
        var exponents: [[Double]] = []
        var moves: [[ExpectedUtilityMove?]] = []
        var stopReason = ExpectedUtilityStopReason.maximumRounds
        if dimension.scale <= ExpectedUtilityDimension.samePositionTolerance {
            stopReason = .stable
        } else {
            while moves.count < parameters.maximumRounds {
                let round = dimension.round(from: states[states.count - 1])
                let moved = zip(round.positions, states[states.count - 1]).contains {
                    abs($0 - $1) > ExpectedUtilityDimension.samePositionTolerance
                }
                states.append(round.positions)
                medians.append(dimension.medianVoterPosition(round.positions))
                exponents.append(round.riskExponents)
                moves.append(round.moves)
                if !moved {
                    stopReason = .stable
                    break
                }
            }
        }
        return ExpectedUtilityRun(
            positions: states, medianVoterPositions: medians, riskExponents: exponents, moves: moves,
            stopReason: stopReason)
    }
}
