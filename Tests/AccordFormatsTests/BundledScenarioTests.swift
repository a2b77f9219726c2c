import AccordCore
import AccordFormats
import Foundation
import Testing

@Suite struct BundledScenarioTests {
    @Test func bundleHoldsTheDefaultAndTheTextbookScenarios() {
        let names = ScenarioLoader.bundledNames
        #expect(names.contains(ScenarioLoader.defaultScenario))
        #expect(ScenarioLoader.defaultScenario == "berlin-2025")
        #expect(names.contains("job-offer"))
        #expect(names == names.sorted())
    }

    @Test(arguments: ScenarioLoader.bundledNames)
    func bundledScenarioLoads(name: String) throws {
        let scenario = try ScenarioLoader.bundled(name)
        #expect(!scenario.name.isEmpty)
        #expect(!scenario.issues.isEmpty)
        #expect(!scenario.parties.isEmpty)
        #expect(scenario.space.count != nil)
        for party in scenario.parties {
            let weights = try #require(party.utility as? LinearAdditiveUtility).weights
            #expect(isClose(weights.reduce(0, +), 1), "\(name): \(party.id)")
        }
    }

    // MARK: Berlin: the conclusions follow from the numbers

    static func berlin() throws -> (Scenario, ScenarioAnalysis) {
        let scenario = try ScenarioLoader.bundled("berlin-2025")
        return (scenario, try scenario.analyze())
    }

    @Test func berlinHasFourPartiesAndNoFourPartyAgreement() throws {
        let (scenario, analysis) = try Self.berlin()
        #expect(scenario.parties.map(\.id) == ["us", "ukraine", "europe", "russia"])
        #expect(analysis.zone.isEmpty)
        #expect(analysis.zone.outcomes.isEmpty)
        #expect(analysis.solutions.nash == nil)
    }

    @Test func berlinIsBlockedByRussiaAlone() throws {
        let (scenario, analysis) = try Self.berlin()
        let russia = try #require(scenario.partyIndex(of: "russia"))

        #expect(analysis.blocking.count == 4)
        #expect(analysis.blocking.filter(\.blocks).map(\.party) == [russia])
        for block in analysis.blocking where block.party != russia {
            #expect(block.zoneCountWithout == 0, "without \(scenario.parties[block.party].id)")
        }
    }

    @Test func berlinWithoutRussiaAgreesOnAnArticle5LikeGuarantee() throws {
        let (scenario, analysis) = try Self.berlin()
        let russia = try #require(scenario.partyIndex(of: "russia"))
        let block = try #require(analysis.blocking.first { $0.party == russia })
        let package = try #require(block.packageWithout)
        let guarantee = try #require(scenario.space.issueIndex(of: "guarantee"))

        #expect(block.zoneCountWithout > 0)
        #expect(package.outcome.levels[guarantee] == (try level(scenario, "guarantee", "article5_like")))
        // The others accept it; Russia does not, which is why it blocks.
        for party in scenario.parties.indices where party != russia {
            #expect(scenario.parties[party].accepts(package.outcome, in: scenario.space))
        }
        #expect(!scenario.parties[russia].accepts(package.outcome, in: scenario.space))
        #expect((block.shortfall ?? 0) > 0)
    }

    @Test func territoryIsTheLargestGapBetweenTheUSAndUkraine() throws {
        let (scenario, analysis) = try Self.berlin()
        let us = try #require(scenario.partyIndex(of: "us"))
        let ukraine = try #require(scenario.partyIndex(of: "ukraine"))
        let pairGaps = analysis.gaps.filter { $0.partyA == us && $0.partyB == ukraine }
        let largest = try #require(pairGaps.max { $0.gap < $1.gap })

        #expect(pairGaps.count == scenario.issues.count)
        #expect(scenario.issues[largest.issue].id == "territory")
        #expect(pairGaps.filter { isClose($0.gap, largest.gap) }.count == 1)  // no tie
        #expect(largest.preferredA == (try level(scenario, "territory", "cede_donbas")))
        #expect(largest.preferredB == (try level(scenario, "territory", "ukraine_keeps")))
    }

    @Test func ukrainesRedLineForbidsCedingTheDonbas() throws {
        let (scenario, _) = try Self.berlin()
        let ukraine = scenario.parties[try #require(scenario.partyIndex(of: "ukraine"))]
        let territory = try #require(scenario.space.issueIndex(of: "territory"))
        let cede = try level(scenario, "territory", "cede_donbas")

        #expect(
            ukraine.redLines.contains { $0.conditions == [RedLine.Condition(issue: territory, test: .levelIn([cede]))] }
        )
        #expect(scenario.proposals.first { $0.id == "us_28_point_plan" }?.levels[territory] == cede)
    }

    @Test func article5LikeOfferExpiresAfterRoundTen() throws {
        let (scenario, _) = try Self.berlin()
        let guarantee = try #require(scenario.space.issueIndex(of: "guarantee"))
        let article5 = try level(scenario, "guarantee", "article5_like")

        #expect(scenario.issues[guarantee].options[article5].availableUntil == .round(10))

        // Still on the table in round 10 …
        let roundTen = try scenario.analyze(options: AnalysisOptions(round: 10))
        #expect(roundTen.selection.levels[guarantee].contains(article5))
        #expect(roundTen.frontier.contains { $0.outcome.levels[guarantee] == article5 })

        // … and gone in round 11.
        let roundEleven = try scenario.analyze(options: AnalysisOptions(round: 11))
        #expect(!roundEleven.selection.levels[guarantee].contains(article5))
        #expect(roundEleven.outcomeCount < roundTen.outcomeCount)
        #expect(!roundEleven.frontier.isEmpty)
        var packages =
            roundEleven.frontier + roundEleven.zone.outcomes + roundEleven.blocking.compactMap(\.packageWithout)
        packages += [
            roundEleven.solutions.nash, roundEleven.solutions.geniusKalaiSmorodinsky, roundEleven.zone.closest,
        ]
        .compactMap { $0 }
        for package in packages {
            #expect(package.outcome.levels[guarantee] != article5, "\(scenario.space.describe(package.outcome))")
        }
        #expect(roundEleven.notes.contains { $0.contains("expired") })
    }

    @Test func loweringRussiasReservationOpensAFourPartyZone() throws {
        let path = try ScenarioLoader.bundledPath("berlin-2025")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let original = "    reservation: {triangular: [0.45, 0.60, 0.75]}\n"
        #expect(text.components(separatedBy: original).count == 2, "Russia's reservation line is unique")
        let modified = text.replacingOccurrences(of: original, with: "    reservation: 0.20\n")

        let scenario = try ScenarioLoader.parse(modified, file: "berlin-modified.yaml")
        let russia = try #require(scenario.partyIndex(of: "russia"))
        #expect(scenario.parties[russia].reservation == 0.2)

        let analysis = try scenario.analyze()
        #expect(analysis.zone.count > 0)
        #expect(analysis.solutions.nash != nil)
        #expect(analysis.blocking.allSatisfy { !$0.blocks })
    }
}

@Suite struct BerlinGuaranteeTests {
    /// The article's "the US, Ukraine and Europe agreed" on guarantees: on the guarantee issue alone, the three
    /// have a zone whose Nash package is the Article-5-like guarantee, and Russia accepts none of it.
    @Test func theThreeAgreeOnAnArticleFiveLikeGuaranteeAndRussiaDoesNot() throws {
        let berlin = try ScenarioLoader.bundled("berlin-2025").restricted(to: ["guarantee"])
        let analysis = try berlin.analyze()
        let three = try #require(analysis.coalitions.first { $0.parties == [0, 1, 2] })
        #expect(three.zoneCount > 0)
        let guarantee = berlin.issues[0]
        #expect(three.best.map { guarantee.label(ofLevel: $0.outcome.levels[0]) } == "article5_like")
        #expect(analysis.zone.isEmpty)
        #expect(analysis.blocking.first { $0.party == 3 }?.blocks == true)
    }
}
