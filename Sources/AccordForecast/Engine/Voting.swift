// The voting and probabilistic-Condorcet machinery of KTAB (MIT, KAPSARC: KTAB/kmodel/libsrc/kmodel.cpp,
// `Model::vote`, `Model::coalitions`, `Model::vProb`, `Model::condPCE`, `Model::markov*PCE`, `Model::bigRfromProb`,
// `Model::estNRA`). Operations keep KTAB's order so that results agree to the last printed digit.

extension VotingRule {
    /// The vote of an actor of weight `weight` for option i over option j, given its utilities for them
    /// (KTAB `Model::vote`); positive favours i.
    package func vote(weight: Double, _ ui: Double, _ uj: Double) -> Double {
        let du = ui - uj
        let binary = Swift.max(-1, Swift.min(1, du / 1e-8))
        switch self {
        case .binary: return weight * binary
        case .proportionalBinary: return weight * ((1 - 0.2) * du + 0.2 * binary)
        case .proportional: return weight * du
        case .proportionalCubic: return weight * ((1 - 0.5) * du + 0.5 * (du * du * du))
        case .cubic: return weight * (du * du * du)
        case .asymmetricProspect:
            if du < 0 { return weight * du }
            if du > 0 { return (2 * weight * du) / 3 }
            return 0
        }
    }
}

extension VictoryProbabilityModel {
    /// The probabilities that a coalition of strength `s1` beats one of strength `s2`, and the reverse
    /// (KTAB `Model::vProb`).
    package func probabilities(_ s1: Double, _ s2: Double) -> (Double, Double) {
        let x1: Double
        let x2: Double
        switch self {
        case .linear: (x1, x2) = (s1, s2)
        case .square: (x1, x2) = (s1 * s1, s2 * s2)
        case .quartic: (x1, x2) = (Self.quartic(s1), Self.quartic(s2))
        case .octic:
            let q1 = Self.quartic(s1)
            let q2 = Self.quartic(s2)
            (x1, x2) = (q1 * q1, q2 * q2)
        case .binary:
            let threshold = 1.10
            if s1 >= threshold * s2 {
                (x1, x2) = (1, 1e-6)
            } else if s2 >= threshold * s1 {
                (x1, x2) = (1e-6, 1)
            } else {
                let p12 = ((s1 / (s1 + s2)) * (threshold + 1) - 1) / (threshold - 1)
                (x1, x2) = (p12, 1 - p12)
            }
        }
        return (x1 / (x1 + x2), x2 / (x1 + x2))
    }

    private static func quartic(_ x: Double) -> Double {
        let square = x * x
        return square * square
    }

    /// The square matrix of probabilities that option i beats option j, from coalition strengths
    /// (KTAB `Model::vProb`); the diagonal is ½.
    package func victoryProbabilities(_ coalitions: Grid) -> Grid {
        let n = coalitions.rows
        var p = Grid(rows: n, columns: n)
        for i in 0..<n {
            for j in 0..<i {
                let (pij, pji) = probabilities(coalitions[i, j], coalitions[j, i])
                p[i, j] = pij
                p[j, i] = pji
            }
            p[i, i] = 0.5
        }
        return p
    }
}

/// The coalition strengths over `options` options: entry (i, j) sums the positive votes of every voter for i over
/// j, starting from 10⁻⁸ (KTAB `Model::coalitions`).
///
/// - Complexity: O(options² × voters).
package func coalitionStrengths(
    options: Int, voters: Int, vote: (_ voter: Int, _ i: Int, _ j: Int) -> Double
) -> Grid {
    let minimum = 1e-8
    var c = Grid(rows: options, columns: options)
    for i in 0..<options {
        for j in 0..<i {
            var cij = minimum
            var cji = minimum
            for k in 0..<voters {
                let v = vote(k, i, j)
                if v > 0 { cij += v }
                if v < 0 { cji -= v }
            }
            c[i, j] = cij
            c[j, i] = cji
        }
        c[i, i] = minimum
    }
    return c
}

extension PCEModel {
    /// The probability that each option prevails, from the coalition strengths (KTAB `Model::probCE2`).
    package func distribution(coalitions: Grid, victory: VictoryProbabilityModel) -> [Double] {
        let pv = victory.victoryProbabilities(coalitions)
        switch self {
        case .conditional: return Self.conditional(pv)
        case .markovUniform: return Self.markovUniform(pv)
        case .markovIncentive: return Self.markovIncentive(coalitions: coalitions, victoryProbabilities: pv)
        }
    }

    /// KTAB `Model::condPCE`: P(i beats every option, itself at ½), normalised.
    private static func conditional(_ pv: Grid) -> [Double] {
        let n = pv.rows
        var p = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var pi = 1.0
            for j in 0..<n { pi *= pv[i, j] }
            p[i] = pi
        }
        let total = p.reduce(0, +)
        return p.map { $0 / total }
    }

    /// KTAB `Model::markovUniformPCE`.
    private static func markovUniform(_ pv: Grid) -> [Double] {
        let n = pv.rows
        var p = [Double](repeating: 1 / Double(n), count: n)
        var q = p
        var change = 1.0
        var iterations = 0
        while change > 1e-6 && iterations < 1000 {
            change = 0
            for i in 0..<n {
                var pi = 0.0
                for j in 0..<n { pi += pv[i, j] * (p[i] + p[j]) }
                q[i] = pi / Double(n)
                change = Swift.max(change, abs(q[i] - p[i]))
            }
            for i in 0..<n { p[i] = (p[i] + q[i]) / 2 }
            iterations += 1
        }
        return p
    }

    /// KTAB `Model::markovIncentivePCE`.
    private static func markovIncentive(coalitions: Grid, victoryProbabilities pv: Grid) -> [Double] {
        let n = coalitions.rows
        let incentive = Grid(rows: n, columns: n) { i, j in
            coalitions[i, j] * pv[i, j] + (i == j ? 1e-10 : 0)
        }
        let challenge = Grid(rows: n, columns: n) { i, j in
            var total = 0.0
            for k in 0..<n { total += incentive[k, j] }
            return incentive[i, j] / total
        }
        var p = [Double](repeating: 1 / Double(n), count: n)
        var q = p
        var change = 1.0
        var iterations = 0
        while change > 1e-8 && iterations < 1000 {
            let ct = Grid(rows: n, columns: n) { i, j in p[i] * challenge[j, i] }
            change = 0
            for i in 0..<n {
                var qi = 0.0
                for j in 0..<n { qi += pv[i, j] * (ct[i, j] + ct[j, i]) }
                q[i] = qi
                change = Swift.max(change, abs(q[i] - p[i]))
            }
            for i in 0..<n { p[i] = (p[i] + q[i]) / 2 }
            iterations += 1
        }
        return p
    }
}

extension BigRRange {
    /// Risk attitudes from the probabilities of the actors' positions (KTAB `Model::bigRfromProb`): the most likely
    /// position gets the top of the range (1), the least likely the bottom.
    package func riskAttitudes(from p: [Double]) -> [Double] {
        var pMin = 1.0
        var pMax = 0.0
        for pi in p {
            pMin = pi < pMin ? pi : pMin
            pMax = pi > pMax ? pi : pMax
        }
        return p.map { pi in
            switch self {
            case .min: return (pi - pMin) / (pMax - pMin)
            case .mid: return (3 * pi - (pMax + 2 * pMin)) / (2 * (pMax - pMin))
            case .max: return (2 * pi - (pMax + pMin)) / (pMax - pMin)
            }
        }
    }
}

extension BigRAdjust {
    /// Actor h's estimate of actor i's risk attitude (KTAB `Model::estNRA`).
    package func estimate(own rh: Double, other ri: Double) -> Double {
        switch self {
        case .full: return ri
        case .twoThirds: return (rh + (2.0 * ri)) / 3.0
        case .half: return (rh + ri) / 2
        case .oneThird: return ((2.0 * rh) + ri) / 3.0
        case .none: return rh
        }
    }
}

/// The probability that each of `options` options prevails when `voters` voters of weights `weights` judge them with
/// `utility(voter, option)` (KTAB `Model::scalarPCE`). Also returns the coalition strengths, for inspection.
package func scalarPCE(
    options: Int, weights: [Double], utility: Grid, rule: VotingRule, victory: VictoryProbabilityModel, pce: PCEModel
) -> (probabilities: [Double], coalitions: Grid) {
    let c = coalitionStrengths(options: options, voters: weights.count) { k, i, j in
        rule.vote(weight: weights[k], utility[k, i], utility[k, j])
    }
    return (pce.distribution(coalitions: c, victory: victory), c)
}
