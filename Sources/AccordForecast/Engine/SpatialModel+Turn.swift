/// What happened in one turn, in engine units.
package struct EngineTurn: Sendable {
    /// Each actor's chosen challenge, if it had an advantageous target.
    package var challenges: [SpatialChallenge?]
    /// Each actor's queue of bargains.
    package var queues: [[Bargain]]
    /// Each actor's probabilities over its queue.
    package var queueProbabilities: [[Double]]
    /// The bargain each actor adopted, as an index into its queue.
    package var chosen: [Int]
    /// The state the turn leads to.
    package var result: SpatialState

    /// The public record of the turn.
    package var record: SpatialTurn {
        SpatialTurn(
            challenges: challenges,
            adoptedBargains: chosen.indices.map { k in
                let b = queues[k][chosen[k]]
                return b.isStatusQuo ? nil : SpatialTurn.BargainID(initiator: b.initiator, receiver: b.receiver)
            })
    }
}

extension SpatialModel.Core {
    /// One turn of KTAB's SMP (KTAB `SMPState::doBCN`): challenges, bargains, queues, resolution.
    package func turn(
        from state: SpatialState, assessment: Assessment, using generator: inout some RandomNumberGenerator
    ) -> EngineTurn {
        let n = actorCount
        // Every queue starts with the actor's status quo; the bargains follow in the order of their initiators.
        var queues = (0..<n).map { [Bargain.statusQuo(of: $0, at: state.positions[$0])] }
        var challenges: [SpatialChallenge?] = Array(repeating: nil, count: n)
        for i in 0..<n {
            guard let (j, estimate) = bestTarget(of: i, assessment: assessment) else { continue }
            let proposals = bargains(initiator: i, target: j, estimate: estimate, state: state, assessment: assessment)
            for b in proposals {
                queues[i].append(b)
                queues[j].append(b)
            }
            challenges[i] = SpatialChallenge(
                initiator: i, target: j, probability: estimate.probability, expectedGain: estimate.expectedGain,
                initiatorPosition: proposals[0].initiatorPosition.map { $0 * 100 },
                targetPosition: proposals[0].receiverPosition.map { $0 * 100 })
        }

        var positions = state.positions
        var probabilities: [[Double]] = []
        var chosen: [Int] = []
        for k in 0..<n {
            let queue = queues[k]
            let utility = Grid(rows: n, columns: queue.count) { actor, m in
                utilityOfState(after: queue[m], for: actor, state: state, assessment: assessment)
            }
            let p = scalarPCE(
                options: queue.count, weights: capabilities, utility: utility, rule: parameters.votingRule,
                victory: parameters.victoryProbability, pce: parameters.pceModel
            ).probabilities
            let m: Int
            switch parameters.stateTransitions {
            case .deterministic: m = Self.mostProbable(p)
            case .stochastic: m = Self.draw(from: p, using: &generator)
            }
            let b = queue[m]
            if !b.isStatusQuo { positions[k] = b.initiator == k ? b.initiatorPosition : b.receiverPosition }
            probabilities.append(p)
            chosen.append(m)
        }
        return EngineTurn(
            challenges: challenges, queues: queues, queueProbabilities: probabilities, chosen: chosen,
            result: SpatialState(positions: positions))
    }

    /// The bargains actor i proposes to its target j under the model's ``BargainModel``.
    private func bargains(
        initiator i: Int, target j: Int, estimate: ChallengeEstimate, state: SpatialState, assessment: Assessment
    ) -> [Bargain] {
        let interpolation = parameters.bargainInterpolation
        func interpolate(_ p: Double) -> Bargain {
            interpolation.bargain(
                initiator: i, at: state.positions[i], saliences: saliences[i], probability: p,
                receiver: j, at: state.positions[j], saliences: saliences[j], probability: 1 - p)
        }
        let fromI = interpolate(estimate.probability)
        guard parameters.bargainModel != .initiatorOnly else { return [fromI] }
        // The target's own estimate of the initiator's chances. (KTAB 2017 passes the expected gain here instead
        // of the probability; Accord uses the probability, as KTAB's comment intends.)
        let fromJ = interpolate(
            self.estimate(by: j, for: i, challenger: i, target: j, assessment: assessment).probability)
        if parameters.bargainModel == .initiatorAndReceiver { return [fromI, fromJ] }
        let wi = capabilities[i] * salienceSums[i]
        let wj = capabilities[i] * salienceSums[j]  // KTAB weighs the receiver's salience by the initiator's capability
        func mix(_ a: [Double], _ b: [Double]) -> [Double] { zip(a, b).map { (wi * $0 + wj * $1) / (wi + wj) } }
        return [
            Bargain(
                initiator: i, receiver: j, initiatorPosition: mix(fromI.initiatorPosition, fromJ.initiatorPosition),
                receiverPosition: mix(fromI.receiverPosition, fromJ.receiverPosition))
        ]
    }

    /// Actor a's utility of the state after `bargain` is implemented: the mean of its utilities of every actor's
    /// position, the two bargainers' replaced by their new ones (KTAB's `brgnUtil` in `doBCN`).
    package func utilityOfState(after bargain: Bargain, for a: Int, state: SpatialState, assessment: Assessment)
        -> Double
    {
        let u = assessment.utilities[a]
        var total = 0.0
        if bargain.isStatusQuo {
            for n in 0..<actorCount { total += u[a, n] }
        } else {
            total += positionUtility(bargain.initiatorPosition, for: a, state: state, assessment: assessment)
            total += positionUtility(bargain.receiverPosition, for: a, state: state, assessment: assessment)
            for n in 0..<actorCount where n != bargain.initiator && n != bargain.receiver { total += u[a, n] }
        }
        return total / Double(actorCount)
    }

    /// Actor a's utility of an arbitrary position, with its own inferred risk attitude (KTAB `SMPActor::posUtil`).
    private func positionUtility(_ position: [Double], for a: Int, state: SpatialState, assessment: Assessment)
        -> Double
    {
        let d = weightedDistance(from: state.positions[a], to: position, saliences: saliences[a])
        return spatialUtility(distance: d, riskAttitude: assessment.riskAttitude[a])
    }

    /// The index of the largest probability, the first one on ties (KTAB `ndxMaxAbs`).
    private static func mostProbable(_ p: [Double]) -> Int {
        var best = 0
        for m in p.indices where p[best] < p[m] { best = m }
        return best
    }

    /// Draws an index with the given probabilities (KTAB `PRNG::probSel`).
    private static func draw(from p: [Double], using generator: inout some RandomNumberGenerator) -> Int {
        let x = Double.random(in: 0..<1, using: &generator)
        var cumulative = 0.0
        for (m, pm) in p.enumerated() {
            cumulative += pm
            if x < cumulative { return m }
        }
        return p.count - 1
    }

    /// The probability that each actor's position prevails in the state, every actor judging with its own utilities
    /// (KTAB `SMPState::pDist(-1)` and `posProb`); actors sharing a position share its probability.
    package func winningProbabilities(of state: SpatialState, assessment: Assessment) -> [Double] {
        let (unique, p) = distinctPositionProbabilities(of: state, assessment: assessment)
        return (0..<actorCount).map { i in
            // KTAB takes the last distinct position equivalent to the actor's.
            let m = unique.indices.last { state.isEquivalent(i, unique[$0]) } ?? 0
            return p[m]
        }
    }

    /// The state's distinct positions (each the index of the first actor holding it) and the probability that each
    /// prevails, every actor judging with its own utilities (KTAB `SMPState::pDist(-1)`).
    package func distinctPositionProbabilities(of state: SpatialState, assessment: Assessment) -> (
        unique: [Int], probabilities: [Double]
    ) {
        let unique = state.uniquePositionIndices()
        let utility = Grid(rows: actorCount, columns: unique.count) { i, m in assessment.ownUtility(i, of: unique[m]) }
        let p = scalarPCE(
            options: unique.count, weights: capabilities, utility: utility, rule: .proportional,
            victory: parameters.victoryProbability, pce: parameters.pceModel
        ).probabilities
        return (unique, p)
    }
}
