import AccordCore
import AccordFormats
import AccordNegotiation
import AccordReport
import Foundation
import Testing

/// A session on a bundled scenario, run, with the report of it.
struct Simulated {
    let scenario: Scenario
    let domain: NegotiationDomain
    let result: SessionResult
    let report: SimulationReport

    init(_ name: String, _ setup: SimulationSetup) throws {
        try self.init(scenario: try ScenarioLoader.bundled(name), setup)
    }

    init(scenario: Scenario, _ setup: SimulationSetup, reference: Result<NegotiationReference, AnalysisError>? = nil)
        throws
    {
        self.scenario = scenario
        domain = try NegotiationDomain(scenario: scenario)
        let session = try setup.session(on: domain)
        let result = session.run()
        self.result = result
        let open = try NegotiationDomain(scenario: SimulationReport.scenarioWithoutExpiry(scenario))
        let withoutExpiry = try setup.session(on: open).run()
        let domain = domain
        report = SimulationReport(
            session: session, result: result,
            reference: reference
                ?? Result { () throws(AnalysisError) in
                    try NegotiationReference(domain: domain, participants: result.participants)
                },
            withoutExpiry: withoutExpiry)
    }

    func party(_ id: String) throws -> Int { try #require(scenario.partyIndex(of: id)) }

    func json() throws -> [String: Any] { try parseObject(report.render(.json)) }
}

/// Boulware for the candidate against a conceding employer, alternating offers over 100 rounds.
func jobOfferSetup(agents: String = "candidate=boulware,employer=conceder") throws -> SimulationSetup {
    SimulationSetup(
        mechanism: .alternating, participants: ["candidate", "employer"], rounds: 100,
        agents: try AgentAssignment(parsing: agents), seed: 1)
}

/// The Berlin talks mediated by the US among the US, Ukraine and Europe; Russia is not at the table.
func berlinSetup() throws -> SimulationSetup {
    SimulationSetup(
        mechanism: .mediated, participants: ["us", "ukraine", "europe"], mediator: "us", rounds: 20,
        agents: try AgentAssignment(parsing: "us=conceder,ukraine=boulware,europe=linear"), seed: 1)
}

@Suite struct SimulationReportTests {
    @Test func boulwareAgainstConcederReportsTheAgreementAndItsUtilities() throws {
        let job = try Simulated("job-offer", try jobOfferSetup())
        let agreement = try #require(job.result.agreement, "boulware and conceder did not agree")
        let json = try job.json()
        #expect(json["ending"] as? String == "agreement")
        #expect(json["round"] as? Int == job.result.round)
        let agreed = try object(json["agreement"], "agreement")
        for (issue, level) in job.scenario.space.labels(of: job.domain.outcome(agreement)) {
            #expect("\(agreed[issue] ?? "")" == level, "issue \(issue)")
        }
        let utilities = try object(json["utilities"], "utilities")
        for id in ["candidate", "employer"] {
            let expected = job.domain.utilities[try job.party(id)][agreement]
            let reported = try #require(utilities[id] as? Double)
            #expect(abs(reported - expected) < 1e-12, "\(id)")
        }
        // The hard bargainer gets more than the one who concedes early.
        #expect(try #require(utilities["candidate"] as? Double) > (try #require(utilities["employer"] as? Double)))
        #expect(json["paretoDistance"] is Double)
        #expect(json["nashDistance"] is Double)
        let text = job.report.render(.text)
        #expect(text.contains("Agreement in round \(job.result.round) (t = "))
        #expect(text.contains("Candidate  boulware"))
        #expect(text.contains("Employer   conceder"))
        #expect(text.contains("above its reservation"))
    }

    @Test func partiesNotAtTheTableAreJudged() throws {
        let berlin = try Simulated("berlin-2025", try berlinSetup())
        let agreement = try #require(berlin.result.agreement)
        let russia = try berlin.party("russia")
        let json = try berlin.json()
        let parties = try #require(json["parties"] as? [[String: Any]])
        #expect(parties.count == 4)
        let entry = try #require(parties.first { $0["id"] as? String == "russia" })
        #expect(entry["atTable"] as? Bool == false)
        #expect(entry["agent"] is NSNull)
        let utility = berlin.domain.utilities[russia][agreement]
        #expect(abs(try #require(entry["utility"] as? Double) - utility) < 1e-12)
        let margin = try #require(entry["margin"] as? Double)
        #expect(abs(margin - (utility - 0.6)) < 1e-12)
        #expect(entry["accepts"] as? Bool == (margin >= -1e-9))
        let text = berlin.report.render(.text)
        #expect(text.contains("Not at the table: Russia."))
        let row = try #require(text.split(separator: "\n").first { $0.contains("  Russia ") })
        #expect(row.contains("not at the table; would \(margin >= 0 ? "accept" : "reject") it (margin "))
    }

    @Test func expiryIsReportedWithWhatWouldHaveHappenedWithoutIt() throws {
        let berlin = try Simulated("berlin-2025", try berlinSetup())
        let expiry = try #require(berlin.report.expiries.first, "nothing expired")
        #expect(expiry.round == 11)
        #expect(expiry.options == ["guarantee=article5_like"])
        let counterfactual = try #require(berlin.report.withoutExpiry)
        let json = try berlin.json()
        let without = try object(json["withoutExpiry"], "withoutExpiry")
        #expect(without["round"] as? Int == counterfactual.round)
        #expect(without["ending"] is String)
        let text = berlin.report.render(.text)
        #expect(text.contains("\nHad the expiring options stayed on the table\n"))
        #expect(text.contains("Round 11 (t = 0.524): guarantee=article5_like left the table"))
    }

    @Test func withoutExpiryIsNullWhenNothingExpired() throws {
        let job = try Simulated("job-offer", try jobOfferSetup())
        #expect(job.report.expiries.isEmpty)
        #expect(job.report.withoutExpiry == nil)
        let json = try job.json()
        #expect(json["withoutExpiry"] is NSNull)
        #expect((json["expired"] as? [Any])?.isEmpty == true)
        #expect(!job.report.render(.text).contains("Had the expiring options stayed"))
    }

    @Test func scenarioWithoutExpiryClearsEveryExpiry() throws {
        let berlin = try ScenarioLoader.bundled("berlin-2025")
        #expect(!(try NegotiationDomain(scenario: berlin)).expiryRounds.isEmpty)
        let open = SimulationReport.scenarioWithoutExpiry(berlin)
        #expect(open.issues.allSatisfy { $0.options.allSatisfy { $0.availableUntil == nil } })
        #expect((try NegotiationDomain(scenario: open)).expiryRounds.isEmpty)
        #expect(open.space.radices == berlin.space.radices)
    }

    @Test func deadlineWithoutAgreementReportsNullsAndReservations() throws {
        let job = try Simulated("job-offer", try jobOfferSetup(agents: "candidate=hardliner,employer=hardliner"))
        #expect(job.result.agreement == nil)
        let json = try job.json()
        #expect(json["ending"] as? String == "deadline")
        #expect(json["agreement"] is NSNull)
        #expect(json["paretoDistance"] is NSNull)
        #expect(json["nashDistance"] is NSNull)
        let parties = try #require(json["parties"] as? [[String: Any]])
        #expect(parties.allSatisfy { $0["margin"] is NSNull && $0["accepts"] is NSNull })
        let text = job.report.render(.text)
        #expect(text.contains("No agreement: the deadline passed (100 rounds) after round 100."))
        #expect(text.contains("no agreement: keeps its reservation"))
    }

    @Test func failedReferenceGivesNullDistancesWithANote() throws {
        let job = try Simulated(
            scenario: try ScenarioLoader.bundled("job-offer"), try jobOfferSetup(),
            reference: .failure(.nonAdditiveUtility(party: "candidate")))
        #expect(job.result.agreement != nil)
        let json = try job.json()
        #expect(json["paretoDistance"] is NSNull)
        #expect(json["nashDistance"] is NSNull)
        #expect(json["nash"] is NSNull)
        let notes = try #require(json["notes"] as? [String])
        #expect(notes.contains { $0.contains("not additive") && $0.contains("null") })
        #expect(job.report.render(.html).contains("<figure id=\"chart-offer-space\">"))
    }

    @Test func traceLinesAreOneCompactObjectPerAction() throws {
        let berlin = try Simulated("berlin-2025", try berlinSetup())
        let lines = berlin.report.traceLines().split(separator: "\n")
        #expect(lines.count == berlin.result.trace.count)
        for line in lines {
            let event = try parseObject(String(line))
            #expect(Array(event.keys).count >= 6)
        }
        let last = try parseObject(String(try #require(lines.last)))
        #expect(last["action"] as? String == "accept")
    }

    @Test func htmlIsOneWellFormedPageWithBothChartsAndEscapedNames() throws {
        let scenario = try ScenarioLoader.parse(threePartyScenario, file: "fixture.yaml")
        let simulated = try Simulated(
            scenario: scenario,
            SimulationSetup(mechanism: .saop, rounds: 20, agents: try AgentAssignment(parsing: "p=conceder")))
        let html = simulated.report.render(.html)
        #expect(html.hasPrefix("<!DOCTYPE html>\n"))
        #expect(isWellFormed(html))
        #expect(!html.contains("<script"))
        #expect(!html.contains("Pat <b>"))
        #expect(html.contains("Pat &lt;b&gt;&amp;"))
        for id in ["chart-offer-history", "chart-offer-space"] {
            #expect(occurrences(of: "<figure id=\"\(id)\">", in: html) == 1, "\(id)")
        }
        let berlin = try Simulated("berlin-2025", try berlinSetup())
        let page = berlin.report.render(.html)
        #expect(isWellFormed(page))
        #expect(page.contains("options leave the table"))
        #expect(page.contains("<title>Agreement had the expiring options stayed: United States "))
    }

    @Test func sameSessionGivesIdenticalReports() throws {
        let setup = try jobOfferSetup(agents: "candidate=random,employer=tit-for-tat")
        let first = try Simulated("job-offer", setup)
        let second = try Simulated("job-offer", setup)
        for format in ReportFormat.allCases {
            #expect(first.report.render(format) == second.report.render(format), "\(format)")
        }
        #expect(first.report.traceLines() == second.report.traceLines())
    }
}
