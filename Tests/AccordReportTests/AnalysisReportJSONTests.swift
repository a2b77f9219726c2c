import AccordCore
import AccordFormats
import AccordReport
import Foundation
import Testing

@Suite struct AnalysisReportJSONTests {
    static let scenarios = ["job-offer", "berlin-2025"]

    @Test(arguments: scenarios)
    func jsonParsesAndCarriesTheTopLevelContract(name: String) throws {
        let subject = try Analysed(name)
        let text = subject.report.render(.json)
        let root = try parseObject(text)

        #expect(text.hasSuffix("}\n"))
        #expect(root["accord"] as? Int == 1)
        #expect(try object(root["scenario"], "scenario")["name"] as? String == subject.scenario.name)
        #expect((root["outcomeCount"] as? Int).map(Double.init) == subject.analysis.outcomeCount)
        #expect(root["analysedOutcomeCount"] as? Int == subject.analysis.analysedCount)
        #expect(try object(root["agreementZone"], "agreementZone")["count"] as? Int == subject.analysis.zone.count)
        let parties = try array(root["parties"], "parties").map { try object($0, "party")["id"] as? String }
        #expect(parties == subject.partyIDs)
        let issues = try array(root["issues"], "issues").map { try object($0, "issue")["id"] as? String }
        #expect(issues == subject.issueIDs)
        for key in ["pareto", "solutions", "extremes", "proposals", "gaps", "notes"] {
            #expect(root[key] != nil, "missing \(key)")
        }
        #expect((root["blocking"] != nil) == (subject.scenario.parties.count >= 3))
    }

    @Test(arguments: scenarios)
    func paretoEntriesMapIssuesToOptionsAndPartiesToUtilities(name: String) throws {
        let subject = try Analysed(name)
        let pareto = try array(try parseObject(subject.report.render(.json))["pareto"], "pareto")

        #expect(!pareto.isEmpty)
        #expect(pareto.count == subject.analysis.frontier.count)
        for (entry, scored) in zip(pareto, subject.analysis.frontier) {
            let fields = try object(entry, "pareto entry")
            #expect(Set(fields.keys) == ["outcome", "utilities"])
            let outcome = try object(fields["outcome"], "outcome")
            let utilities = try object(fields["utilities"], "utilities")
            #expect(Set(outcome.keys) == Set(subject.issueIDs))
            #expect(Set(utilities.keys) == Set(subject.partyIDs))
            for (index, issue) in subject.scenario.issues.enumerated() {
                let level = scored.outcome.levels[index]
                if issue.isNumeric {
                    #expect(try number(outcome[issue.id], issue.id) == issue.number(atLevel: level))
                } else {
                    #expect(outcome[issue.id] as? String == issue.label(ofLevel: level))
                }
            }
            for (party, expected) in zip(subject.partyIDs, scored.utilities) {
                #expect(isClose(try number(utilities[party], party), expected))
            }
        }
    }

    @Test func jobOfferSolutionsAreObjectsInsideTheZone() throws {
        let subject = try Analysed("job-offer")
        let root = try parseObject(subject.report.render(.json))
        let solutions = try object(root["solutions"], "solutions")

        #expect(subject.analysis.zone.count > 0)
        #expect(Set(solutions.keys) == ["nash", "kalaiSmorodinsky", "geniusKalai", "utilitarian", "egalitarian"])
        for (key, value) in solutions {
            let solution = try object(value, key)
            let outcome = try object(solution["outcome"], "\(key).outcome")
            let utilities = try object(solution["utilities"], "\(key).utilities")
            #expect(Set(outcome.keys) == Set(subject.issueIDs), "\(key)")
            for party in subject.scenario.parties where key != "geniusKalai" {
                #expect(try number(utilities[party.id], party.id) >= party.reservation - 1e-12, "\(key): \(party.id)")
            }
        }
        let nash = try object(try object(solutions["nash"], "nash")["outcome"], "nash.outcome")
        let expected = try #require(subject.analysis.solutions.nash)
        #expect(nash["salary"] as? Int == Int(subject.scenario.issues[0].number(atLevel: expected.outcome.levels[0])))
    }

    @Test func berlinZoneBasedSolutionsAreNullAndTheGeniusPointIsNot() throws {
        let subject = try Analysed("berlin-2025")
        let root = try parseObject(subject.report.render(.json))
        let solutions = try object(root["solutions"], "solutions")
        let zone = try object(root["agreementZone"], "agreementZone")

        #expect(zone["count"] as? Int == 0)
        #expect(try array(zone["outcomes"], "outcomes").isEmpty)
        for key in ["nash", "kalaiSmorodinsky", "utilitarian", "egalitarian"] {
            #expect(solutions.keys.contains(key))
            #expect(isNull(solutions[key]), "\(key) should be null")
        }
        let genius = try object(solutions["geniusKalai"], "geniusKalai")
        #expect(try object(genius["utilities"], "utilities").count == 4)
        let closest = try object(zone["closest"], "closest")
        #expect(try number(closest["minimumMargin"], "minimumMargin") < 0)
    }

    @Test func berlinBlockingNamesRussiaAlone() throws {
        let root = try parseObject(try Analysed("berlin-2025").report.render(.json))
        let blocking = try array(root["blocking"], "blocking").map { try object($0, "blocking entry") }

        #expect(blocking.map { $0["party"] as? String } == ["us", "ukraine", "europe", "russia"])
        #expect(blocking.filter { $0["blocks"] as? Bool == true }.map { $0["party"] as? String } == ["russia"])
        let russia = try #require(blocking.last)
        let package = try object(try object(russia["packageWithout"], "packageWithout")["outcome"], "outcome")
        #expect(package["guarantee"] as? String == "article5_like")
        #expect(try number(russia["shortfall"], "shortfall") > 0)
    }

    @Test(arguments: scenarios)
    func proposalsCarryUtilitiesAndAcceptancePerParty(name: String) throws {
        let subject = try Analysed(name)
        let proposals = try array(try parseObject(subject.report.render(.json))["proposals"], "proposals")

        #expect(proposals.count == subject.scenario.proposals.count)
        for (entry, evaluation) in zip(proposals, subject.analysis.proposals) {
            let proposal = try object(entry, "proposal")
            #expect(proposal["id"] as? String == evaluation.id)
            let utilities = try object(proposal["utilities"], "utilities")
            let accepted = try object(proposal["accepted"], "accepted")
            #expect(Set(utilities.keys) == Set(subject.partyIDs))
            #expect(Set(accepted.keys) == Set(subject.partyIDs))
            for (p, party) in subject.partyIDs.enumerated() {
                #expect(isClose(try number(utilities[party], party), evaluation.utilities[p]))
                #expect(accepted[party] as? Bool == evaluation.accepted[p], "\(evaluation.id): \(party)")
            }
            #expect(proposal["acceptedByAll"] as? Bool == evaluation.isAcceptedByAll)
            #expect(proposal["complete"] as? Bool == evaluation.isComplete)
        }
    }

    @Test func berlinProposalsShowWhoRejectsWhat() throws {
        let root = try parseObject(try Analysed("berlin-2025").report.render(.json))
        let proposals = try array(root["proposals"], "proposals").map { try object($0, "proposal") }
        let byID = Dictionary(uniqueKeysWithValues: proposals.map { ($0["id"] as? String ?? "", $0) })

        let plan = try #require(byID["us_28_point_plan"])
        let planAccepted = try object(plan["accepted"], "accepted")
        #expect(planAccepted["us"] as? Bool == true)
        #expect(planAccepted["ukraine"] as? Bool == false)
        #expect(
            try object(plan["crossedRedLines"], "crossedRedLines")["ukraine"] as? String == "territory = cede_donbas")

        let framework = try #require(byID["berlin_framework"])
        #expect(framework["complete"] as? Bool == false)
        #expect(framework["openIssues"] as? [String] == ["territory"])
        #expect(framework["completions"] as? Int == 4)
    }

    @Test(arguments: scenarios)
    func gapsAreGivenPerIssueAndPartyPair(name: String) throws {
        let subject = try Analysed(name)
        let gaps = try array(try parseObject(subject.report.render(.json))["gaps"], "gaps")
        let partyCount = subject.scenario.parties.count

        #expect(gaps.count == subject.scenario.issues.count)
        for (index, entry) in gaps.enumerated() {
            let gap = try object(entry, "gap")
            #expect(gap["issue"] as? String == subject.issueIDs[index])
            let pairs = try array(gap["pairs"], "pairs").map { try object($0, "pair") }
            #expect(pairs.count == partyCount * (partyCount - 1) / 2)
            for pair in pairs {
                let names = try #require(pair["parties"] as? [String])
                #expect(names.count == 2)
                #expect(Set(try object(pair["preferred"], "preferred").keys) == Set(names))
                let value = try number(pair["gap"], "gap")
                let expected = try #require(
                    subject.analysis.gaps.first {
                        $0.issue == index && subject.partyIDs[$0.partyA] == names[0]
                            && subject.partyIDs[$0.partyB] == names[1]
                    })
                #expect(isClose(value, expected.gap))
                #expect(value >= -1e-12)
            }
        }
    }

    @Test func expiredOptionsAreLeftOutOfTheAnalysedLevels() throws {
        let subject = try Analysed("berlin-2025", options: AnalysisOptions(round: 11))
        let root = try parseObject(subject.report.render(.json))
        let guarantee = try object(try array(root["issues"], "issues").first, "guarantee")

        #expect(
            guarantee["analysedLevels"] as? [String] == [
                "none", "bilateral_assurances", "reassurance_force", "nato_membership",
            ])
        #expect(guarantee["options"] as? [String] == subject.scenario.issues[0].options.map(\.id))
        #expect((root["notes"] as? [String])?.contains { $0.contains("expired") } == true)
        #expect(root["outcomeCount"] as? Int == 4 * 4 * 11 * 3 * 3)
        let territory = try object(try array(root["issues"], "issues")[1], "territory")
        #expect(territory["analysedLevels"] == nil)  // nothing removed
    }
}

@Suite struct CoalitionReportTests {
    @Test func berlinJSONListsEveryCoalitionWithTheThreePartyDeal() throws {
        let subject = try Analysed("berlin-2025")
        let root = try parseObject(subject.report.render(.json))
        let coalitions = try #require(root["coalitions"] as? [[String: Any]])
        #expect(coalitions.count == 11)
        let three = try #require(coalitions.first { ($0["parties"] as? [String]) == ["us", "ukraine", "europe"] })
        #expect((three["zoneCount"] as? Int ?? 0) > 0)
        let best = try #require(three["best"] as? [String: Any])
        #expect((best["outcome"] as? [String: Any])?["guarantee"] as? String == "article5_like")
        let everyone = try #require(coalitions.last)
        #expect(everyone["zoneCount"] as? Int == 0)
        #expect(everyone["best"] is NSNull)
    }
}
