/// Everything the actors believe about one state: distances, the risk-neutral values, the inferred risk attitudes
/// and each actor's estimate of everyone's utilities (KTAB `SMPState::setAllAUtil`).
package struct Assessment: Sendable {
    /// distance[i, j]: the weighted distance from actor i's ideal to actor j's position, with i's saliences.
    package let distance: Grid
    /// riskNeutralUtility[i, j]: i's utility of j's position when everyone is risk neutral.
    package let riskNeutralUtility: Grid
    /// The probability of each actor's position in the risk-neutral Condorcet election.
    package let riskNeutralProbability: [Double]
    /// Each actor's inferred risk attitude.
    package let riskAttitude: [Double]
    /// utilities[h][i, j]: actor h's estimate of actor i's utility of actor j's position.
    package let utilities: [Grid]

    /// Assesses `state` for `model`.
    package init(state: SpatialState, model: SpatialModel.Core) {
        let n = model.actorCount
        let parameters = model.parameters
        distance = Grid(rows: n, columns: n) { i, j in
            weightedDistance(from: state.positions[i], to: state.positions[j], saliences: model.saliences[i])
        }
        let distance = distance
        riskNeutralUtility = Grid(rows: n, columns: n) { i, j in
            spatialUtility(distance: distance[i, j], riskAttitude: 0)
        }
        let riskNeutral = riskNeutralUtility
        let coalitions = coalitionStrengths(options: n, voters: n) { k, i, j in
            parameters.votingRule.vote(weight: model.capabilities[k], riskNeutral[k, i], riskNeutral[k, j])
        }
        riskNeutralProbability = parameters.pceModel.distribution(
            coalitions: coalitions, victory: parameters.victoryProbability)
        let risk = parameters.bigRRange.riskAttitudes(from: riskNeutralProbability)
        riskAttitude = risk
        utilities = (0..<n).map { h in
            var u = Grid(rows: n, columns: n)
            for i in 0..<n {
                let r = parameters.bigRAdjust.estimate(own: risk[h], other: risk[i])
                for j in 0..<n { u[i, j] = spatialUtility(distance: distance[i, j], riskAttitude: r) }
            }
            return u
        }
    }

    /// Actor i's own utility of actor j's position.
    package func ownUtility(_ i: Int, of j: Int) -> Double { utilities[i][i, j] }
}
