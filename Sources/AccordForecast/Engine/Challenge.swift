/// One actor's estimate of a challenge of actor i against actor j: the probability that i wins and the expected
/// change in utility, compared with the status quo, for an affected actor k (KTAB `SMPState::probEduChlg`).
package struct ChallengeEstimate: Sendable, Hashable {
    /// The estimated probability that the initiator wins.
    package var probability: Double
    /// The expected change in utility for the affected actor.
    package var expectedGain: Double
}

extension SpatialModel.Core {
    /// Actor h's estimate of the contest in which i challenges j, seen from actor k's interests.
    ///
    /// The principals contribute their capability × total salience times their utility difference; every third
    /// party joins the side it prefers in the "little contest" of itself and the two principals, weighing what it
    /// expects under ``ThirdPartyCommit``. The challenger's expected utility mixes outright victory (j adopts i's
    /// position, weight 1 − s_j) with the contest (weight s_j), where s_j is j's total salience.
    package func estimate(
        by h: Int, for k: Int, challenger i: Int, target j: Int, assessment: Assessment
    ) -> ChallengeEstimate {
        let u = assessment.utilities[h]
        let rule = parameters.votingRule
        let statusQuo = u[k, i] + u[k, j]
        let iWins = u[k, i] + u[k, i]
        let jWins = u[k, j] + u[k, j]
        let sj = salienceSums[j]

        let minimumCoalition = 1e-10
        var forI = minimumCoalition
        var forJ = minimumCoalition
        let contributionI = rule.vote(weight: salienceSums[i] * capabilities[i], u[i, i], u[i, j])
        if contributionI > 0 { forI += contributionI }
        if contributionI < 0 { forJ -= contributionI }
        let contributionJ = rule.vote(weight: sj * capabilities[j], u[j, i], u[j, j])
        if contributionJ > 0 { forI += contributionJ }
        if contributionJ < 0 { forJ -= contributionJ }
        let principalsI = forI
        let principalsJ = forJ

        for n in 0..<actorCount where n != i && n != j {
            let weight = salienceSums[n] * capabilities[n]
            let (uni, unj, unn) = (u[n, i], u[n, j], u[n, n])
            // The little contest: the principals plus n on the side it prefers.
            let own = rule.vote(weight: weight, uni, unj)
            let littleI = own > 0 ? principalsI + own : principalsI
            let littleJ = own < 0 ? principalsJ - own : principalsJ
            let pin = littleI / (littleI + littleJ)
            let vote = thirdPartyVote(
                weight: weight, pin: pin, pjn: 1.0 - pin, uni: uni, unj: unj, unn: unn)
            if vote > 0 { forI += vote }
            if vote < 0 { forJ -= vote }
        }

        let pij = forI / (forI + forJ)
        let pji = forJ / (forI + forJ)
        let contest = pij * iWins + pji * jWins
        let challenge = (1 - sj) * iWins + sj * contest
        return ChallengeEstimate(probability: pij, expectedGain: challenge - statusQuo)
    }

    /// A third party's vote for i over j (KTAB `Actor::thirdPartyVoteSU`): it compares the sum of the three
    /// positions' utilities when it joins i with the sum when it joins j.
    private func thirdPartyVote(weight: Double, pin: Double, pjn: Double, uni: Double, unj: Double, unn: Double)
        -> Double
    {
        let joinIWins: Double  // n joined i, i won
        let joinILoses: Double  // n joined i, j won
        let joinJLoses: Double  // n joined j, i won
        let joinJWins: Double  // n joined j, j won
        switch parameters.thirdPartyCommit {
        case .fullCommit:
            (joinIWins, joinILoses) = (uni + uni + uni, unj + unj + unj)
            (joinJLoses, joinJWins) = (uni + uni + uni, unj + unj + unj)
        case .semiCommit:
            (joinIWins, joinILoses) = (uni + uni + unn, unj + unj + unj)
            (joinJLoses, joinJWins) = (uni + uni + uni, unj + unj + unn)
        case .noCommit:
            (joinIWins, joinILoses) = (uni + uni + unn, unj + unj + unn)
            (joinJLoses, joinJWins) = (uni + uni + unn, unj + unj + unn)
        }
        let joinI = (pin * joinIWins) + (pjn * joinILoses)
        let joinJ = (pin * joinJLoses) + (pjn * joinJWins)
        return parameters.votingRule.vote(weight: weight, joinI, joinJ)
    }

    /// Actor i's most advantageous target: the j ≠ i with the largest expected gain to i, if that gain exceeds 10⁻⁵;
    /// ties go to the lowest index (KTAB `SMPState::bestChallenge`).
    package func bestTarget(of i: Int, assessment: Assessment) -> (target: Int, estimate: ChallengeEstimate)? {
        var best: (target: Int, estimate: ChallengeEstimate)?
        var bestGain = -1.0
        for j in 0..<actorCount where j != i {
            let e = estimate(by: i, for: i, challenger: i, target: j, assessment: assessment)
            if 1e-5 < e.expectedGain && bestGain < e.expectedGain {
                best = (j, e)
                bestGain = e.expectedGain
            }
        }
        return best
    }
}
