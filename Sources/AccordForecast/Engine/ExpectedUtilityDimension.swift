import RealModule

/// One dimension of the expected-utility model (``ExpectedUtilityModel``): its fixed numbers and each step of a
/// round, on Accord's 0–100 scale. Every formula is stated on ``ExpectedUtilityModel`` and in docs/forecast.md.
package struct ExpectedUtilityDimension: Sendable {
    /// c_i, the actors' capabilities.
    package let capabilities: [Double]
    /// s_i on 0–1 (the input salience divided by 100): the probability that actor i resists a challenge.
    package let saliences: [Double]
    /// c_i · s_i, each actor's weight in every vote.
    package let weights: [Double]
    /// Δ = x_max − x_min over the actors' initial positions; utilities measure distances as fractions of it.
    package let scale: Double
    /// The actors' initial positions, on 0–100.
    package let initialPositions: [Double]
    /// Q, T and the round limit.
    package let parameters: ExpectedUtilityParameters

    /// Two positions closer than this (on 0–100) are the same position: their actors do not challenge each other.
    package static let samePositionTolerance = 1e-9

    /// The dimension's numbers, or nil when no actor gives it a positive salience (there is then no median voter).
    ///
    /// - Parameters:
    ///   - saliences: on 0–100, as in a ``SpatialScenario``.
    package init?(
        capabilities: [Double], positions: [Double], saliences: [Double], parameters: ExpectedUtilityParameters
    ) {
        let probabilities = saliences.map { $0 / 100 }
        let weights = zip(capabilities, probabilities).map { $0 * $1 }
        guard weights.contains(where: { $0 > 0 }) else { return nil }
        self.capabilities = capabilities
        self.saliences = probabilities
        self.weights = weights
        self.scale = (positions.max() ?? 0) - (positions.min() ?? 0)
        self.initialPositions = positions
        self.parameters = parameters
    }

    var actorCount: Int { capabilities.count }

    /// Whether actors i and j hold the same position.
    func sharePosition(_ i: Int, _ j: Int, in positions: [Double]) -> Bool {
        abs(positions[i] - positions[j]) <= Self.samePositionTolerance
    }

    // MARK: - The median voter

    /// μ: the position that no other beats in the pairwise votes Σ_k c_k s_k (|x_k − b| − |x_k − a|) of a against b
    /// (risk-neutral utilities) — the capability × salience weighted median of `positions`, the midpoint of the
    /// minimising interval when exactly half the weight lies at or below a position (``SpatialBaselines``).
    package func medianVoterPosition(_ positions: [Double]) -> Double {
        guard let median = SpatialBaselines.weightedMedian(positions, weights: weights) else {
            preconditionFailure("a dimension without positive weight has no median voter")
        }
        return median
    }

    // MARK: - Probability of success

    /// P[i][j], the probability that i prevails when it challenges j: the share of the votes
    /// v_k = c_k s_k (|x_k − x_j| − |x_k − x_i|) cast for i, Σ_{k: v_k > 0} v_k / Σ_k |v_k|, over every actor k
    /// (i and j included). ½ when no actor prefers either (Σ_k |v_k| = 0); the diagonal is 0.
    ///
    /// - Complexity: O(n³).
    package func winProbabilities(_ positions: [Double]) -> [[Double]] {
        let n = actorCount
        var probabilities = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            for j in 0..<n where j != i {
                var support = 0.0
                var total = 0.0
                for k in 0..<n {
                    let vote = weights[k] * (abs(positions[k] - positions[j]) - abs(positions[k] - positions[i]))
                    if vote > 0 { support += vote }
                    total += abs(vote)
                }
                probabilities[i][j] = total > 0 ? support / total : 0.5
            }
        }
        return probabilities
    }

    // MARK: - Utilities and expected utility

    /// The five utilities a challenger at distance `distance` from its target (and `medianDistance` from the median
    /// voter) weighs, with risk exponent r:
    /// U_s = 2 − 4(½ − ½d)^r, U_f = 2 − 4(½ + ½d)^r, U_b = 2 − 4(½ − ¼e)^r, U_w = 2 − 4(½ + ¼e)^r, U_sq = 2 − 4(½)^r,
    /// where d = distance/Δ and e = (medianDistance + distance)/Δ.
    package struct Utilities: Sendable, Hashable {
        /// U_s: the challenge succeeds (the target adopts the challenger's position).
        package var success: Double
        /// U_f: the challenge fails (the challenger adopts the target's position).
        package var failure: Double
        /// U_b: no challenge, and the target's position moves to the challenger's advantage.
        package var better: Double
        /// U_w: no challenge, and the target's position moves to the challenger's disadvantage.
        package var worse: Double
        /// U_sq: the status quo holds.
        package var statusQuo: Double
    }

    /// The utilities of ``Utilities`` for these distances (on 0–100) and risk exponent.
    package func utilities(distance: Double, medianDistance: Double, riskExponent r: Double) -> Utilities {
        let d = scale > 0 ? distance / scale : 0
        let e = scale > 0 ? (medianDistance + distance) / scale : 0
        func u(_ base: Double) -> Double { 2 - 4 * Double.pow(max(0, base), r) }
        return Utilities(
            success: u(0.5 - 0.5 * d), failure: u(0.5 + 0.5 * d), better: u(0.5 - 0.25 * e),
            worse: u(0.5 + 0.25 * e), statusQuo: u(0.5))
    }

    /// E(U_ab), the expected utility of actor a challenging actor b, with risk exponent r and a's probability of
    /// success p = P[a][b]:
    /// s_b (p U_s + (1 − p) U_f) + (1 − s_b) U_s − Q U_sq − (1 − Q)(T U_b + (1 − T) U_w).
    /// 0 when a and b share a position (there is nothing to challenge).
    package func expectedUtility(
        of a: Int, challenging b: Int, positions: [Double], medianVoter: Double, probability p: Double,
        riskExponent r: Double
    ) -> Double {
        guard !sharePosition(a, b, in: positions) else { return 0 }
        let u = utilities(
            distance: abs(positions[a] - positions[b]), medianDistance: abs(positions[a] - medianVoter),
            riskExponent: r)
        let q = parameters.statusQuoProbability
        let t = parameters.improvementProbability
        let resisted = saliences[b] * (p * u.success + (1 - p) * u.failure)
        let unresisted = (1 - saliences[b]) * u.success
        let withoutChallenge = q * u.statusQuo + (1 - q) * (t * u.better + (1 - t) * u.worse)
        return resisted + unresisted - withoutChallenge
    }

    // MARK: - Risk

    /// The security levels and risk exponents: with every actor risk neutral (r = 1), actor i's security level is
    /// S_i = Σ_{j ≠ i} E(U_ji), what the others expect from challenging it; R_i = (2S_i − S_max − S_min)/(S_max − S_min)
    /// and r_i = (1 − R_i/3)/(1 + R_i/3), from ½ (the most exposed position) to 2 (the safest). When every S_i is
    /// the same (within 10⁻¹²), every r_i is 1.
    package func riskExponents(
        positions: [Double], medianVoter: Double, probabilities: [[Double]]
    ) -> (securityLevels: [Double], riskExponents: [Double]) {
        let n = actorCount
        let security = (0..<n).map { i in
            (0..<n).reduce(0.0) { sum, j in
                j == i
                    ? sum
                    : sum
                        + expectedUtility(
                            of: j, challenging: i, positions: positions, medianVoter: medianVoter,
                            probability: probabilities[j][i], riskExponent: 1)
            }
        }
        let highest = security.max() ?? 0
        let lowest = security.min() ?? 0
        guard highest - lowest > 1e-12 * max(1, abs(highest), abs(lowest)) else {
            return (security, [Double](repeating: 1, count: n))
        }
        let exponents = security.map { level in
            let exposure = (2 * level - highest - lowest) / (highest - lowest)
            return (1 - exposure / 3) / (1 + exposure / 3)
        }
        return (security, exponents)
    }

    // MARK: - Offers

    /// What actor i yields to rival j, judged from i's side: `own` = E^i(U_ij), i's expected utility of challenging
    /// j, and `rival` = E^i(U_ji), i's estimate of j's expected utility of challenging i.
    ///
    /// - Conflict (both positive) that i expects to lose (`rival > own`): i adopts x_j.
    /// - Compromise (`own < 0 < rival`, |own| < rival): i moves towards j by the fraction |own|/rival,
    ///   to x_i + (x_j − x_i)|own|/rival.
    /// - Capitulation (`own < 0 < rival`, |own| ≥ rival): i adopts x_j.
    /// - Otherwise (i wins or ties a conflict, i has the upper hand, or neither gains: the status quo): nil.
    package static func yield(
        own: Double, rival: Double, position: Double, rivalPosition: Double
    ) -> (kind: ExpectedUtilityOfferKind, position: Double)? {
        if own > 0 && rival > 0 {
            return rival > own ? (.conflict, rivalPosition) : nil
        }
        guard own < 0 && rival > 0 else { return nil }
        if -own < rival {
            return (.compromise, position + (rivalPosition - position) * (-own / rival))
        }
        return (.capitulation, rivalPosition)
    }

    // MARK: - A round

    /// Everything one round computes from the positions it starts with.
    package struct Round: Sendable {
        /// μ of the starting positions.
        package var medianVoter: Double
        /// P[i][j] of the starting positions.
        package var probabilities: [[Double]]
        /// S_i, with every actor risk neutral.
        package var securityLevels: [Double]
        /// r_i.
        package var riskExponents: [Double]
        /// The offer each actor accepted, or nil.
        package var moves: [ExpectedUtilityMove?]
        /// The positions after the round.
        package var positions: [Double]
    }

    /// One round from `positions`: μ, P, the risk exponents, then every actor i weighs every rival j at another
    /// position from its own side — E^i(U_ij) and E^i(U_ji), both with i's risk exponent r_i — and accepts, of the
    /// offers it yields to (``yield(own:rival:position:rivalPosition:)``), the one that moves it least (the lowest
    /// rival index on ties). All actors move at once.
    ///
    /// - Complexity: O(n³).
    package func round(from positions: [Double]) -> Round {
        let n = actorCount
        let medianVoter = medianVoterPosition(positions)
        let probabilities = winProbabilities(positions)
        let (security, exponents) = riskExponents(
            positions: positions, medianVoter: medianVoter, probabilities: probabilities)
        var moves = [ExpectedUtilityMove?](repeating: nil, count: n)
        var next = positions
        for i in 0..<n {
            var best: (distance: Double, move: ExpectedUtilityMove)?
            for j in 0..<n where j != i && !sharePosition(i, j, in: positions) {
                let own = expectedUtility(
                    of: i, challenging: j, positions: positions, medianVoter: medianVoter,
                    probability: probabilities[i][j], riskExponent: exponents[i])
                let rival = expectedUtility(
                    of: j, challenging: i, positions: positions, medianVoter: medianVoter,
                    probability: probabilities[j][i], riskExponent: exponents[i])
                guard
                    let offer = Self.yield(
                        own: own, rival: rival, position: positions[i], rivalPosition: positions[j])
                else { continue }
                let distance = abs(offer.position - positions[i])
                if let current = best, distance >= current.distance { continue }
                best = (
                    distance,
                    ExpectedUtilityMove(
                        rival: j, kind: offer.kind, position: offer.position, expectedUtility: own,
                        rivalExpectedUtility: rival)
                )
            }
            if let move = best?.move {
                moves[i] = move
                next[i] = move.position
            }
        }
        return Round(
            medianVoter: medianVoter, probabilities: probabilities, securityLevels: security,
            riskExponents: exponents, moves: moves, positions: next)
    }
}
