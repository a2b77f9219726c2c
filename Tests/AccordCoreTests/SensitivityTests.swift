import Testing

@testable import AccordCore

@Suite struct SensitivityTests {
    @Test func nashPackageStabilityAndZoneThresholdsForAReservation() throws {
        let sensitivity = try Fixtures.twoByThree().sensitivity()
        let x = try #require(sensitivity.first { $0.parameter == .reservation(party: 0) })
        // Nash products (u_x − r)(u_y − 0.3): (a1,b1) 0.4(0.75 − r) beats (a0,b1) 0.1(1 − r) below r = 2/3 and
        // (a2,b1) 0.7(0.5 − r) above r = 1/6.
        #expect(abs(x.nashStable.lowerBound - 1.0 / 6) < 2e-4)
        #expect(abs(x.nashStable.upperBound - 2.0 / 3) < 2e-4)
        // x reaches 1.0 with (a0, b1), which y accepts: the zone stays open over all of [0, 1].
        #expect(x.zoneChangeBelow == nil && x.zoneChangeAbove == nil)
    }

    @Test func zoneClosesWhereTheReservationThresholdSays() throws {
        let scenario = Fixtures.withImpossibleThirdParty()
        let z = try #require(try scenario.sensitivity().first { $0.parameter == .reservation(party: 2) })
        // z gets 0.2 from the packages x and y accept: the zone opens at and below 0.2.
        #expect(abs((z.zoneChangeBelow ?? 0) - 0.2) < 2e-4)
        #expect(z.zoneChangeAbove == nil)
    }

    @Test func weightsAreSweptWithTheOthersRescaled() throws {
        let sensitivity = try Fixtures.twoByThree().sensitivity()
        #expect(sensitivity.filter { if case .weight = $0.parameter { true } else { false } }.count == 4)
        let xOnA = try #require(sensitivity.first { $0.parameter == .weight(party: 0, issue: 0) })
        #expect(xOnA.current == 0.5)
        #expect(xOnA.nashStable.contains(0.5))
    }
}
