import AccordCore
import AccordForecast
import AccordFormats
import Foundation
import Testing

/// Bueno de Mesquita's expected-utility model (Scholz, Calbert & Smith 2011): every step of a round against values
/// computed by hand, the offer quadrants, and the model's invariants.
@Suite struct ExpectedUtilityModelTests {
    /// Three actors of equal capability 10 at 0, 30 and 100 (Δ = 100) with saliences 20, 80 and 20, so vote weights
    /// c·s = 2, 8 and 2 (s on 0–1). The middle actor B is the median voter and the two others move towards it by
    /// compromise.
    static let ferry = dimension(capabilities: [10, 10, 10], positions: [0, 30, 100], saliences: [20, 80, 20])

    /// A at 0 (c 20, s 50), B at 40 (c 30, s 50), C at 100 (c 50, s 40): weights 10, 15 and 20. Both outer actors
    /// lose a conflict to B in the first round.
    static let canal = dimension(capabilities: [20, 30, 50], positions: [0, 40, 100], saliences: [50, 50, 40])

    static func dimension(
        capabilities: [Double], positions: [Double], saliences: [Double],
        parameters: ExpectedUtilityParameters = .scholz2011
    ) -> ExpectedUtilityDimension {
        ExpectedUtilityDimension(
            capabilities: capabilities, positions: positions, saliences: saliences, parameters: parameters)!
    }

    static func approximately(_ a: Double, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
        abs(a - b) <= tolerance
    }

    // MARK: - One round by hand

    @Test func theMedianVoterIsTheWeightedMedian() {
        // Ferry: weights 2, 8, 2 (total 12): cumulative 2, 10 > 6, so the median voter stands at 30.
        #expect(Self.ferry.medianVoterPosition([0, 30, 100]) == 30)
        // Canal: weights 10, 15, 20 (total 45): cumulative 10, 25 > 22.5, so 40.
        #expect(Self.canal.medianVoterPosition([0, 40, 100]) == 40)
    }

    @Test func theProbabilityOfSuccessIsTheShareOfTheVotes() {
        // Ferry, v_k = w_k(|x_k − x_j| − |x_k − x_i|):
        // A against B: A 2·(30 − 0) = 60, B 8·(0 − 30) = −240, C 2·(70 − 100) = −60: P_AB = 60/360 = 1/6.
        // A against C: A 2·100 = 200, B 8·(70 − 30) = 320, C 2·(0 − 100) = −200: P_AC = 520/720 = 13/18.
        // B against C: A 2·(100 − 30) = 140, B 8·70 = 560, C 2·(0 − 70) = −140: P_BC = 700/840 = 5/6.
        let p = Self.ferry.winProbabilities([0, 30, 100])
        #expect(Self.approximately(p[0][1], 1.0 / 6))
        #expect(Self.approximately(p[0][2], 13.0 / 18))
        #expect(Self.approximately(p[1][2], 5.0 / 6))
        // The same votes read the other way round: P_ji = 1 − P_ij.
        for i in 0..<3 {
            #expect(p[i][i] == 0)
            for j in 0..<3 where j != i { #expect(Self.approximately(p[i][j] + p[j][i], 1)) }
        }
    }

    @Test func utilitiesFollowTheirClosedForms() {
        // r = 1: U_s = 2d, U_f = −2d, U_b = e, U_w = −e, U_sq = 0 (d = 30/100, e = (10 + 30)/100).
        let neutral = Self.ferry.utilities(distance: 30, medianDistance: 10, riskExponent: 1)
        #expect(Self.approximately(neutral.success, 0.6))
        #expect(Self.approximately(neutral.failure, -0.6))
        #expect(Self.approximately(neutral.better, 0.4))
        #expect(Self.approximately(neutral.worse, -0.4))
        #expect(Self.approximately(neutral.statusQuo, 0))
        // r = 2, d = 0.3: U_s = 2 − 4·0.35² = 1.51, U_f = 2 − 4·0.65² = 0.31, U_sq = 2 − 4·0.25 = 1.
        let averse = Self.ferry.utilities(distance: 30, medianDistance: 0, riskExponent: 2)
        #expect(Self.approximately(averse.success, 1.51))
        #expect(Self.approximately(averse.failure, 0.31))
        #expect(Self.approximately(averse.statusQuo, 1))
        // r = ½: U_sq = 2 − 4√½ = 2 − 2√2.
        let acceptant = Self.ferry.utilities(distance: 70, medianDistance: 0, riskExponent: 0.5)
        #expect(Self.approximately(acceptant.statusQuo, 2 - 2 * 2.0.squareRoot()))
        #expect(Self.approximately(acceptant.success, 2 - 4 * 0.15.squareRoot()))
    }

    @Test func riskNeutralExpectedUtilitiesAndSecurityLevels() {
        // With r = 1 and Q = 1: E(U_ij) = 2d[1 − 2 s_j (1 − P_ij)].
        // E(U_AB) = 0.6[1 − 1.6·5/6] = −0.2        E(U_BA) = 0.6[1 − 0.4·1/6] = 0.56
        // E(U_AC) = 2[1 − 0.4·5/18] = 16/9          E(U_CA) = 2[1 − 0.4·13/18] = 64/45
        // E(U_BC) = 1.4[1 − 0.4·1/6] = 98/75        E(U_CB) = 1.4[1 − 1.6·5/6] = −7/15
        let x = [0.0, 30, 100]
        let p = Self.ferry.winProbabilities(x)
        func eu(_ a: Int, _ b: Int) -> Double {
            Self.ferry.expectedUtility(
                of: a, challenging: b, positions: x, medianVoter: 30, probability: p[a][b], riskExponent: 1)
        }
        #expect(Self.approximately(eu(0, 1), -0.2))
        #expect(Self.approximately(eu(1, 0), 0.56))
        #expect(Self.approximately(eu(0, 2), 16.0 / 9))
        #expect(Self.approximately(eu(2, 0), 64.0 / 45))
        #expect(Self.approximately(eu(1, 2), 98.0 / 75))
        #expect(Self.approximately(eu(2, 1), -7.0 / 15))
        // Security levels S_i = Σ_j E(U_ji): S_A = 0.56 + 64/45 = 446/225, S_B = −0.2 − 7/15 = −150/225,
        // S_C = 16/9 + 98/75 = 694/225. C is the most exposed (R = 1, r = ½), B the safest (R = −1, r = 2), and
        // R_A = (892 − 694 + 150)/(694 + 150) = 87/211, so r_A = (1 − 29/211)/(1 + 29/211) = 91/120.
        let (security, exponents) = Self.ferry.riskExponents(positions: x, medianVoter: 30, probabilities: p)
        #expect(Self.approximately(security[0], 446.0 / 225))
        #expect(Self.approximately(security[1], -150.0 / 225))
        #expect(Self.approximately(security[2], 694.0 / 225))
        #expect(Self.approximately(exponents[0], 91.0 / 120))
        #expect(Self.approximately(exponents[1], 2))
        #expect(Self.approximately(exponents[2], 0.5))
    }

    @Test func theFirstRoundOfTheFerry() throws {
        let round = Self.ferry.round(from: [0, 30, 100])
        #expect(round.medianVoter == 30)
        // B (r = 2) judges A: d = 0.3, U_s = 1.51, U_f = 0.31, U_sq = 1.
        //   E^B(U_BA) = 0.2(5/6·1.51 + 1/6·0.31) + 0.8·1.51 − 1 = 0.47,
        //   E^B(U_AB) = 0.8(1/6·1.51 + 5/6·0.31) + 0.2·1.51 − 1 = −0.29: B has the upper hand, no move.
        // B judges C: d = 0.7, U_s = 1.91, U_f = −0.89: E^B(U_BC) = 0.816667 > 0 > E^B(U_CB) = −0.956667.
        #expect(round.moves[1] == nil)
        // C (r = ½) judges B: d = 0.7, U_s = 2 − 4√0.15, U_f = 2 − 4√0.85, U_sq = 2 − 2√2.
        //   E^C(U_CB) = 0.8(1/6 U_s + 5/6 U_f) + 0.2 U_s − U_sq = −0.146516,
        //   E^C(U_BC) = 0.2(5/6 U_s + 1/6 U_f) + 0.8 U_s − U_sq = 1.207947: a compromise, |−0.146516| < 1.207947,
        //   so C moves to 100 + (30 − 100)·0.146516/1.207947 = 91.5095.
        // C judges A: a conflict it expects to lose (2.2506 < 2.6062), an offer to move to 0; C takes the smaller
        // move, the compromise with B.
        let us = 2 - 4 * 0.15.squareRoot()
        let uf = 2 - 4 * 0.85.squareRoot()
        let usq = 2 - 2 * 2.0.squareRoot()
        let cOwn = 0.8 * (us / 6 + 5 * uf / 6) + 0.2 * us - usq
        let cRival = 0.2 * (5 * us / 6 + uf / 6) + 0.8 * us - usq
        let c = try #require(round.moves[2])
        #expect(c.rival == 1 && c.kind == .compromise)
        #expect(Self.approximately(c.expectedUtility, cOwn))
        #expect(Self.approximately(c.rivalExpectedUtility, cRival))
        #expect(Self.approximately(c.position, 100 - 70 * (-cOwn / cRival)))
        #expect(abs(c.position - 91.5095) < 1e-4)
        // A (r = 91/120) judges B: E^A(U_AB) = 0.8(1/6 U_s + 5/6 U_f) + 0.2 U_s − U_sq < 0 < E^A(U_BA), a compromise
        // (−0.160233 against 0.524372): A moves to 30·0.160233/0.524372 = 9.1671.
        let r = 91.0 / 120
        let aUs = 2 - 4 * pow(0.35, r)
        let aUf = 2 - 4 * pow(0.65, r)
        let aUsq = 2 - 4 * pow(0.5, r)
        let aOwn = 0.8 * (aUs / 6 + 5 * aUf / 6) + 0.2 * aUs - aUsq
        let aRival = 0.2 * (5 * aUs / 6 + aUf / 6) + 0.8 * aUs - aUsq
        let a = try #require(round.moves[0])
        #expect(a.rival == 1 && a.kind == .compromise)
        #expect(Self.approximately(a.expectedUtility, aOwn))
        #expect(Self.approximately(a.rivalExpectedUtility, aRival))
        #expect(Self.approximately(a.position, 30 * (-aOwn / aRival)))
        #expect(abs(a.position - 9.1671) < 1e-4)
        #expect(round.positions == [a.position, 30, c.position])
    }

    @Test func theCanalConvergesOnItsMedianVoterByConflict() throws {
        // μ = 40. P_AB = 400/1800 = 2/9, P_AC = 1300/3300 = 13/33, P_BC = 1500/2700 = 5/9. Security levels
        // S_A = 908/495, S_B = 32/45, S_C = 1488/825: r_A = ½, r_B = 2, r_C = 238/457.
        // A (r = ½) against B: E^A(U_AB) = 0.188 < E^A(U_BA) = 0.509, a lost conflict (move to 40); against C a
        // lost conflict too (1.859 < 2.041, move to 100): A takes the smaller move, to 40. C loses its conflict
        // with B (0.549 < 0.732) and wins against A: it moves to 40. B, the safest, does not move.
        let round = Self.canal.round(from: [0, 40, 100])
        #expect(Self.approximately(round.riskExponents[0], 0.5))
        #expect(Self.approximately(round.riskExponents[1], 2))
        #expect(Self.approximately(round.riskExponents[2], 238.0 / 457))
        let a = try #require(round.moves[0])
        #expect(a.rival == 1 && a.kind == .conflict && a.position == 40)
        #expect(abs(a.expectedUtility - 0.188079) < 1e-6 && abs(a.rivalExpectedUtility - 0.509120) < 1e-6)
        #expect(round.moves[1] == nil)
        let c = try #require(round.moves[2])
        #expect(c.rival == 1 && c.kind == .conflict && c.position == 40)
        // The whole run: everyone at 40 after round 1, and round 2 moves nobody.
        let run = try #require(
            ExpectedUtilityModel.run(capabilities: [20, 30, 50], positions: [0, 40, 100], saliences: [50, 50, 40]))
        #expect(run.positions == [[0, 40, 100], [40, 40, 40], [40, 40, 40]])
        #expect(run.medianVoterPositions == [40, 40, 40])
        #expect(run.roundCount == 2 && run.stopReason == .stable && run.forecast == 40)
        #expect(run.moves[1] == [nil, nil, nil])
    }

    // MARK: - The quadrants

    @Test(arguments: [
        // (own E^i(U_ij), rival E^i(U_ji), expected kind, expected position) for i at 10 and j at 50.
        (0.3, 0.5, ExpectedUtilityOfferKind.conflict, 50.0),  // conflict that i loses
        (-0.2, 0.5, .compromise, 10 + 40 * 0.4),  // i moves 0.2/0.5 of the way
        (-0.6, 0.5, .capitulation, 50),  // i's loss exceeds j's gain
        (-0.5, 0.5, .capitulation, 50),  // equal: capitulation
    ])
    func anActorYieldsInThreeQuadrants(own: Double, rival: Double, kind: ExpectedUtilityOfferKind, position: Double)
        throws
    {
        let offer = try #require(
            ExpectedUtilityDimension.yield(own: own, rival: rival, position: 10, rivalPosition: 50))
        #expect(offer.kind == kind)
        #expect(Self.approximately(offer.position, position))
    }

    @Test(arguments: [
        (0.5, 0.3),  // conflict that i wins
        (0.4, 0.4),  // a tied conflict moves nobody
        (0.3, -0.4),  // i has the upper hand
        (-0.2, -0.1),  // neither gains: the status quo
        (0.0, 0.5),  // i neither gains nor loses
    ])
    func otherwiseTheActorKeepsItsPosition(own: Double, rival: Double) {
        #expect(ExpectedUtilityDimension.yield(own: own, rival: rival, position: 10, rivalPosition: 50) == nil)
    }

    @Test func theStatusQuoTermsWeighQAndT() {
        // Q = 0.5, T = 0.25, r = 1, A against B of the ferry with μ = 30: d = 0.3, e = (30 + 30)/100 = 0.6, so
        // U_s = 0.6, U_f = −0.6, U_b = 0.6, U_w = −0.6, U_sq = 0 and
        // E(U_AB) = 0.8(1/6·0.6 − 5/6·0.6) + 0.2·0.6 − 0.5·0 − 0.5(0.25·0.6 − 0.75·0.6) = −0.32 + 0.12 + 0.15 = −0.05.
        let model = Self.dimension(
            capabilities: [10, 10, 10], positions: [0, 30, 100], saliences: [20, 80, 20],
            parameters: ExpectedUtilityParameters(statusQuoProbability: 0.5, improvementProbability: 0.25))
        let eu = model.expectedUtility(
            of: 0, challenging: 1, positions: [0, 30, 100], medianVoter: 30, probability: 1.0 / 6, riskExponent: 1)
        #expect(Self.approximately(eu, -0.05))
    }

    // MARK: - Invariants

    @Test func aDominantActorPullsTheForecastToItsPosition() throws {
        let run = try #require(
            ExpectedUtilityModel.run(
                capabilities: [1_000_000, 1, 1, 1], positions: [80, 10, 35, 55], saliences: [60, 90, 40, 100]))
        #expect(run.medianVoterPositions.allSatisfy { $0 == 80 })
        #expect(run.positions.allSatisfy { $0[0] == 80 })
        #expect(run.forecast == 80)
    }

    @Test func aSymmetricConfigurationGivesTheSymmetricResult() throws {
        let run = try #require(
            ExpectedUtilityModel.run(
                capabilities: [30, 20, 30], positions: [20, 50, 80], saliences: [60, 70, 60]))
        #expect(run.forecast == 50)
        for state in run.positions { #expect(Self.approximately(state[0] + state[2], 100, 1e-9)) }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func mirroringTheAxisMirrorsTheRun(seed: UInt64) throws {
        let (capabilities, positions, saliences) = Self.randomDimension(seed: seed, actors: 6)
        let run = try #require(
            ExpectedUtilityModel.run(capabilities: capabilities, positions: positions, saliences: saliences))
        let mirror = try #require(
            ExpectedUtilityModel.run(
                capabilities: capabilities, positions: positions.map { 100 - $0 }, saliences: saliences))
        #expect(run.roundCount == mirror.roundCount)
        for (state, mirrored) in zip(run.positions, mirror.positions) {
            for (x, y) in zip(state, mirrored) { #expect(Self.approximately(x + y, 100, 1e-9)) }
        }
        #expect(Self.approximately(run.forecast + mirror.forecast, 100, 1e-9))
    }

    @Test(arguments: [11, 12, 13, 14, 15, 16, 17, 18] as [UInt64])
    func everyPositionStaysWithinTheInitialRange(seed: UInt64) throws {
        let (capabilities, positions, saliences) = Self.randomDimension(seed: seed, actors: 9)
        let run = try #require(
            ExpectedUtilityModel.run(capabilities: capabilities, positions: positions, saliences: saliences))
        let range = (positions.min() ?? 0)...(positions.max() ?? 100)
        #expect(run.positions.allSatisfy { $0.allSatisfy { range.contains($0) } })
        #expect(run.medianVoterPositions.allSatisfy { range.contains($0) })
        #expect((0...100).contains(run.forecast))
        #expect(run.riskExponents.allSatisfy { $0.allSatisfy { $0 >= 0.5 - 1e-12 && $0 <= 2 + 1e-12 } })
        #expect(run.roundCount >= 1 && run.roundCount <= 10)
        #expect(run.positions.count == run.roundCount + 1 && run.medianVoterPositions.count == run.roundCount + 1)
        // Round 0's median voter is the weighted-median baseline.
        #expect(
            run.medianVoterPositions[0]
                == SpatialBaselines.weightedMedian(positions, weights: zip(capabilities, saliences).map { $0 * $1 }))
    }

    @Test func rescalingTheAxisRescalesTheRun() throws {
        // Utilities measure distances as fractions of Δ and compromises are proportional, so an affine map of the
        // axis maps every state: the EU emission standards positions 4, 7, 10 (years) as 40, 70, 100 and as 0, 50, 100.
        let tens = try #require(Self.emissionStandards(positions: [70, 40, 40, 40, 100, 100, 100, 70, 40, 70]))
        let spread = try #require(Self.emissionStandards(positions: [50, 0, 0, 0, 100, 100, 100, 50, 0, 50]))
        #expect(tens.roundCount == spread.roundCount)
        for (a, b) in zip(tens.positions, spread.positions) {
            for (x, y) in zip(a, b) { #expect(Self.approximately((x - 40) / 60 * 100, y, 1e-9)) }
        }
    }

    @Test func theEmissionStandardsExampleOfScholzEtAl() throws {
        // Table 1 of Scholz, Calbert & Smith (from Bueno de Mesquita 1994): ten EC members on the date of emission
        // standards for medium-sized cars, years 4–10 here ×10. Weights c·s: 24.8 at 40 (Belgium 6.4, Luxembourg 0.6,
        // Germany 12.8, Denmark 5), 9.3 at 70 (Netherlands 3.2, Ireland 0.5, Greece 5.6), 33.6 at 100 (France 9.6,
        // Italy 9.6, UK 14.4); total 67.7, cumulative 24.8 then 34.1 > 33.85: the median voter is at 70 (year 7).
        let run = try #require(Self.emissionStandards(positions: [70, 40, 40, 40, 100, 100, 100, 70, 40, 70]))
        #expect(run.medianVoterPositions[0] == 70)
        #expect(run.medianVoterPositions.allSatisfy { (40...100).contains($0) })
        #expect(run.positions.allSatisfy { $0.allSatisfy { (40...100).contains($0) } })
    }

    @Test func runsAreDeterministic() throws {
        let (capabilities, positions, saliences) = Self.randomDimension(seed: 42, actors: 12)
        let first = ExpectedUtilityModel.run(capabilities: capabilities, positions: positions, saliences: saliences)
        let second = ExpectedUtilityModel.run(capabilities: capabilities, positions: positions, saliences: saliences)
        #expect(first == second)
    }

    @Test func actorsAtOnePositionNeedNoRound() throws {
        let run = try #require(
            ExpectedUtilityModel.run(capabilities: [1, 2, 3], positions: [40, 40, 40], saliences: [10, 20, 30]))
        #expect(run.roundCount == 0 && run.stopReason == .stable && run.forecast == 40)
    }

    @Test func theRoundLimitIsAParameter() throws {
        // The ferry's outer actors keep compromising towards 30 and never quite arrive.
        let run = try #require(
            ExpectedUtilityModel.run(
                capabilities: [10, 10, 10], positions: [0, 30, 100], saliences: [20, 80, 20],
                parameters: ExpectedUtilityParameters(maximumRounds: 3)))
        #expect(run.roundCount == 3 && run.stopReason == .maximumRounds && run.forecast == 30)
        #expect(run.positions[3][0] > run.positions[2][0] && run.positions[3][2] < run.positions[2][2])
    }

    @Test func eachDimensionRunsOnItsOwn() throws {
        let scenario = SpatialScenario(
            name: "Two issues", dimensions: ["x", "y", "z"],
            actors: [
                SpatialActor(name: "A", capability: 10, positions: [0, 90, 50], saliences: [20, 60, 0]),
                SpatialActor(name: "B", capability: 10, positions: [30, 20, 40], saliences: [80, 20, 0]),
                SpatialActor(name: "C", capability: 10, positions: [100, 60, 10], saliences: [20, 50, 0]),
            ])
        let forecast = try ExpectedUtilityModel(scenario: scenario).run()
        for k in 0..<2 {
            let alone = ExpectedUtilityModel.run(
                capabilities: [10, 10, 10], positions: scenario.actors.map { $0.positions[k] },
                saliences: scenario.actors.map { $0.saliences[k] })
            #expect(forecast.runs[k] == alone)
        }
        // Nobody cares about z: no run, no forecast.
        #expect(forecast.runs[2] == nil && forecast.forecasts[2] == nil)
    }

    @Test func anInvalidScenarioIsRejected() {
        let scenario = SpatialScenario(
            name: "Two actors", dimensions: ["x"],
            actors: [
                SpatialActor(name: "A", capability: 1, positions: [0], saliences: [50]),
                SpatialActor(name: "B", capability: 1, positions: [100], saliences: [50]),
            ])
        #expect(throws: SpatialScenarioError.tooFewActors(count: 2)) { try ExpectedUtilityModel(scenario: scenario) }
    }

    // MARK: - Fixtures

    /// The emission standards example with the given positions (same order as Scholz et al.'s Table 1: Netherlands,
    /// Belgium, Luxembourg, Germany, France, Italy, UK, Ireland, Denmark, Greece).
    static func emissionStandards(positions: [Double]) -> ExpectedUtilityRun? {
        ExpectedUtilityModel.run(
            capabilities: [0.08, 0.08, 0.03, 0.16, 0.16, 0.16, 0.16, 0.05, 0.05, 0.08], positions: positions,
            saliences: [40, 80, 20, 80, 60, 60, 90, 10, 100, 70])
    }

    /// A seeded random dimension: capabilities 1–100, positions on 0–100 in steps of 5, saliences 10–100.
    static func randomDimension(seed: UInt64, actors: Int) -> ([Double], [Double], [Double]) {
        var generator = SplitMix64(seed: seed)
        let capabilities = (0..<actors).map { _ in Double(Int.random(in: 1...100, using: &generator)) }
        let positions = (0..<actors).map { _ in Double(Int.random(in: 0...20, using: &generator) * 5) }
        let saliences = (0..<actors).map { _ in Double(Int.random(in: 1...10, using: &generator) * 10) }
        return (capabilities, positions, saliences)
    }
}

/// The Bueno de Mesquita baseline on KTAB's SOE-Pol-Comp scenario (13 actors, 2 dimensions).
@Suite(.enabled(if: ktabConformanceFolder != nil, Comment(rawValue: ktabConformanceAbsent)))
struct ExpectedUtilitySOEPolCompTests {
    @Test func runsOnBothDimensionsAndStaysInRange() throws {
        let folder = try #require(ktabConformanceFolder)
        let scenario = try KTABCSVReader.read(path: folder.appendingPathComponent("SOE-Pol-Comp.csv").path)
        let forecast = try ExpectedUtilityModel(scenario: scenario).run()
        #expect(forecast.runs.count == 2)
        for (k, run) in forecast.runs.enumerated() {
            let run = try #require(run)
            let initial = scenario.actors.map { $0.positions[k] }
            let range = (initial.min() ?? 0)...(initial.max() ?? 100)
            #expect(run.positions.allSatisfy { $0.count == 13 && $0.allSatisfy { range.contains($0) } })
            #expect(range.contains(run.forecast))
            #expect(run.roundCount >= 1 && run.roundCount <= 10)
            let weights = scenario.actors.map { $0.capability * $0.saliences[k] }
            #expect(run.medianVoterPositions[0] == SpatialBaselines.weightedMedian(initial, weights: weights))
        }
        #expect(try ExpectedUtilityModel(scenario: scenario).run().runs == forecast.runs)
    }
}
