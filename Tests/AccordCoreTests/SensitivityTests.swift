import Foundation
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

    @Test(arguments: [1e8, 18_446_744_073_709_551_616, -1e8, -1e308, 1e308, -2_147_483_649])
    func aReservationFarOutsideZeroToOneSweepsOnlyTheUnitGrid(_ reservation: Double) throws {
        // Issue #15: the grid ran from the value to 0 or 1 in steps of 0.05 (billions of points at 1e8, endless at
        // -1e308); it now covers [0, 1] only, and a change between the value and the grid is still bisected.
        let start = Date()
        let sensitivity = try Fixtures.twoByThree(reservations: (reservation, 0.3)).sensitivity()
        #expect(Date().timeIntervalSince(start) < 5)
        let x = try #require(sensitivity.first { $0.parameter == .reservation(party: 0) })
        #expect(x.current == reservation)
        if reservation > 1 {
            // Nothing gives x more than 1: the zone is closed at the value and opens at 1.
            #expect(abs((x.zoneChangeBelow ?? 0) - 1) < 2e-4, "\(x)")
            #expect(x.zoneChangeAbove == nil)
        } else {
            // Open at the value and over all of [0, 1].
            #expect(x.zoneChangeBelow == nil && x.zoneChangeAbove == nil, "\(x)")
        }
    }
}
