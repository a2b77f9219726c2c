import AccordCore
import AccordFormats
import AccordNegotiation
import AccordReport
import Foundation
import Testing

/// Hand-made records of a small tournament: alpha and beta on two scenarios, both roles; alpha always does better.
/// Negotiation 2 failed; negotiation 0's agreement has an option label with a comma and quotes.
enum TournamentFixture {
    static let agents = ["alpha", "beta"]
    static let scenarios = ["market", "lease"]

    static let records: [NegotiationRecord] = [
        NegotiationRecord(
            id: 0, scenario: "market", agents: ["alpha", "beta"], parties: ["buyer", "seller"], repetition: 0,
            seed: 18_446_744_073_709_551_615, ending: "agreement", agreement: ["low, \"cheap\"", "fast"], round: 12,
            t: 0.1 + 0.2, utilities: [0.8, 0.3], discountedUtilities: [0.8, 0.3], welfare: 1.1,
            paretoDistance: 0, nashDistance: 1.0 / 3, seconds: 0.0123),
        NegotiationRecord(
            id: 1, scenario: "market", agents: ["beta", "alpha"], parties: ["buyer", "seller"], repetition: 0,
            seed: 7, ending: "deadline", round: 100, t: 100.0 / 101, utilities: [0.25, 0.75],
            discountedUtilities: [0.25, 0.75], welfare: 1),
        NegotiationRecord(
            id: 2, scenario: "lease", agents: ["alpha", "beta"], parties: ["tenant", "landlord"], repetition: 0,
            seed: 8, ending: "failed", reason: "the agent crashed; see\nthe log", round: 3, t: 0.03,
            utilities: [0.7, 0.2], discountedUtilities: [0.7, 0.2], welfare: 0.9, seconds: 2),
        NegotiationRecord(
            id: 3, scenario: "lease", agents: ["beta", "alpha"], parties: ["tenant", "landlord"], repetition: 0,
            seed: 9, ending: "agreement", agreement: ["two years", "furnished"], round: 40, t: 0.4,
            utilities: [0.35, 0.9], discountedUtilities: [0.35, 0.85], welfare: 1.2, paretoDistance: 0.05,
            nashDistance: 0.1),
    ]

    static var summary: TournamentSummary {
        TournamentSummary(records: records, agents: agents, scenarios: scenarios)
    }

    static func setup(shard: Shard? = nil) throws -> TournamentReport.Setup {
        TournamentReport.Setup(
            name: "Fixture cup", mechanism: .alternating, deadline: try Deadline(rounds: 100), repetitions: 1,
            roles: .all, selfPlay: false, seed: 42,
            competitors: [
                Tournament.Competitor(id: "alpha", agent: try AgentSpecification(parsing: "boulware")),
                Tournament.Competitor(id: "beta", agent: try AgentSpecification(parsing: "time-dependent(e=0.5)")),
            ], negotiations: 4, shard: shard)
    }

    static func report() throws -> TournamentReport {
        TournamentReport(summary, setup: try setup())
    }
}

/// Splits a CSV line into fields, honouring RFC 4180 quotes.
func csvFields(_ line: String) -> [String] {
    var fields: [String] = []
    var field = ""
    var quoted = false
    var characters = Array(line)[...]
    while let character = characters.popFirst() {
        if quoted {
            if character == "\"" {
                if characters.first == "\"" {
                    field.append("\"")
                    characters.removeFirst()
                } else {
                    quoted = false
                }
            } else {
                field.append(character)
            }
        } else if character == "\"" {
            quoted = true
        } else if character == "," {
            fields.append(field)
            field = ""
        } else {
            field.append(character)
        }
    }
    fields.append(field)
    return fields
}

/// Splits CSV text into records (lines), keeping line breaks inside quotes.
func csvRecords(_ text: String) -> [String] {
    var records: [String] = []
    var current = ""
    var quotes = 0
    for character in text {
        if character == "\n" && quotes % 2 == 0 {
            records.append(current)
            current = ""
            continue
        }
        if character == "\"" { quotes += 1 }
        current.append(character)
    }
    if !current.isEmpty { records.append(current) }
    return records
}

/// The text of a member's value in a compact JSON object line (up to the next `,"` or the closing brace).
func rawValue(_ key: String, in line: Substring) -> String {
    guard let start = line.range(of: "\"\(key)\":") else { return "" }
    let rest = line[start.upperBound...]
    let end = rest.range(of: ",\"")?.lowerBound ?? rest.lastIndex(of: "}") ?? rest.endIndex
    return String(rest[..<end])
}

@Suite struct TournamentReportTests {
    let writer = NegotiationRecordWriter(
        parties: 2, deadline: "100 rounds", discountedScenarios: ["lease"])

    // MARK: CSV

    @Test func csvHasOneColumnPerPartyPositionAndOneRowPerRecord() {
        let csv = writer.csv(TournamentFixture.records)
        let lines = csvRecords(csv)
        #expect(
            lines[0]
                == "id,scenario,repetition,seed,agent_1,agent_2,party_1,party_2,ending,ended_by,reason,agreement,round,"
                + "t,utility_1,utility_2,discounted_utility_1,discounted_utility_2,welfare,pareto_distance,"
                + "nash_distance")
        #expect(lines.count == 1 + TournamentFixture.records.count)
        #expect(csv.hasSuffix("\n"))
        #expect(!csv.contains("0.0123"), "the wall-clock seconds are not in the CSV")
        let width = csvFields(lines[0]).count
        for line in lines.dropFirst() { #expect(csvFields(line).count == width, "\(line)") }
    }

    @Test func csvRowWritesEveryFieldAndQuotesAsRFC4180Says() {
        let row = writer.csvRow(TournamentFixture.records[0])
        #expect(
            row
                == "0,market,0,18446744073709551615,alpha,beta,buyer,seller,agreement,,,\"low, \"\"cheap\"\"|fast\",12,"
                + "0.30000000000000004,0.8,0.3,0.8,0.3,1.1,0,0.3333333333333333\n")
        let fields = csvFields(String(row.dropLast()))
        #expect(fields[11] == "low, \"cheap\"|fast")
        #expect(Double(fields[13]) == 0.1 + 0.2)
        #expect(Double(fields[20]) == 1.0 / 3)
    }

    @Test func csvRowOfAFailureQuotesTheReasonAndLeavesTheAgreementEmpty() {
        let row = writer.csvRow(TournamentFixture.records[2])
        #expect(
            row
                == "2,lease,0,8,alpha,beta,tenant,landlord,failed,,\"the agent crashed; see\nthe log\",,3,0.03,0.7,0.2,"
                + "0.7,0.2,0.9,,\n")
        let fields = csvFields(String(row.dropLast()))
        #expect(fields[10] == "the agent crashed; see\nthe log")
        #expect(fields[11].isEmpty)
        #expect(fields[19].isEmpty && fields[20].isEmpty, "no distances without agreement")
    }

    @Test func csvOfAMixedTournamentLeavesTheMissingPartiesEmpty() {
        let three = NegotiationRecord(
            id: 4, scenario: "berlin", agents: ["alpha", "beta", "alpha"], parties: ["us", "ukraine", "europe"],
            repetition: 0, seed: 1, ending: "deadline", round: 20, t: 20.0 / 21, utilities: [0.5, 0.4, 0.3],
            discountedUtilities: [0.5, 0.4, 0.3], welfare: 1.2)
        let mixed = NegotiationRecordWriter(parties: 3)
        let lines = csvRecords(mixed.csv([three, TournamentFixture.records[1]]))
        let header = csvFields(lines[0])
        #expect(header[4...6] == ["agent_1", "agent_2", "agent_3"])
        #expect(header.contains("discounted_utility_3"))
        let bilateral = csvFields(lines[1])
        let trilateral = csvFields(lines[2])
        #expect(bilateral.count == header.count)
        #expect(trilateral.count == header.count)
        func value(_ row: [String], _ column: String) -> String { row[header.firstIndex(of: column) ?? 0] }
        #expect(value(bilateral, "id") == "1")
        #expect(value(bilateral, "agent_3").isEmpty)
        #expect(value(bilateral, "utility_3").isEmpty)
        #expect(value(bilateral, "utility_2") == "0.75")
        #expect(value(trilateral, "party_3") == "europe")
        #expect(value(trilateral, "discounted_utility_3") == "0.3")
    }

    @Test func csvIsSortedByNegotiationWhateverTheOrderGiven() {
        let records = TournamentFixture.records
        #expect(writer.csv(records.reversed()) == writer.csv(records))
        #expect(writer.csv([records[2], records[0], records[3], records[1]]) == writer.csv(records))
    }

    // MARK: JSON Lines

    @Test func jsonLineHasEveryFieldButSecondsInOrder() throws {
        let line = NegotiationRecordWriter.jsonLine(TournamentFixture.records[0])
        #expect(
            line
                == "{\"id\":0,\"scenario\":\"market\",\"agents\":[\"alpha\",\"beta\"],"
                + "\"parties\":[\"buyer\",\"seller\"],\"repetition\":0,\"seed\":\"18446744073709551615\","
                + "\"ending\":\"agreement\",\"endedBy\":null,\"reason\":null,"
                + "\"agreement\":[\"low, \\\"cheap\\\"\",\"fast\"],\"round\":12,\"t\":0.30000000000000004,"
                + "\"utilities\":[0.8,0.3],\"discountedUtilities\":[0.8,0.3],"
                + "\"welfare\":1.1,\"paretoDistance\":0,\"nashDistance\":0.3333333333333333}\n")
    }

    @Test func jsonLinesReadBackToTheSameNumbers() throws {
        let text = NegotiationRecordWriter.jsonLines(TournamentFixture.records.reversed())
        let lines = text.split(separator: "\n")
        #expect(lines.count == TournamentFixture.records.count)
        for (line, record) in zip(lines, TournamentFixture.records) {
            let object = try parseObject(String(line))
            #expect(
                Set(object.keys)
                    == [
                        "id", "scenario", "agents", "parties", "repetition", "seed", "ending", "endedBy", "reason",
                        "agreement", "round", "t", "utilities", "discountedUtilities", "welfare", "paretoDistance",
                        "nashDistance",
                    ])
            #expect(object["id"] as? Int == record.id)
            #expect(object["seed"] as? String == String(record.seed))
            #expect(object["agents"] as? [String] == record.agents)
            // Foundation's parser is not exact on every platform: read the numbers' text with Swift's own.
            #expect(Double(rawValue("t", in: line)) == record.t)
            #expect(
                rawValue("utilities", in: line) == "[" + record.utilities.map { "\($0)" }.joined(separator: ",") + "]")
            #expect(Double(rawValue("welfare", in: line)) == record.welfare)
            #expect(isClose(try number(object["t"], "t"), record.t))
            if let distance = record.nashDistance {
                #expect(Double(rawValue("nashDistance", in: line)) == distance)
            } else {
                #expect(isNull(object["nashDistance"]))
            }
        }
        let failed = try parseObject(String(lines[2]))
        #expect(failed["ending"] as? String == "failed")
        #expect(failed["reason"] as? String == "the agent crashed; see\nthe log")
        #expect(isNull(failed["agreement"]))
        #expect(isNull(failed["endedBy"]))
        #expect(isNull(failed["paretoDistance"]))
    }

    // MARK: GENIUS log

    @Test func geniusLogStartsWithTheSeparatorLineAndGeniusHeader() {
        let log = writer.geniusLog(TournamentFixture.records)
        let lines = log.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "sep=;")
        #expect(
            lines[1]
                == "Run time (s);Round;Exception;deadline;Agreement;Discounted;#agreeing;min.util.;max.util.;"
                + "Dist. to Pareto;Dist. to Nash;Social Welfare;Agent 1;Agent 2;Utility 1;Utility 2;Disc. Util. 1;"
                + "Disc. Util. 2;Perceived. Util. 1;Perceived. Util. 2;User Bother 1;User Bother 2;User Util. 1;"
                + "User Util. 2;Profile 1;Profile 2")
        #expect(lines.count == 2 + TournamentFixture.records.count + 1)  // and the final newline
        #expect(lines.last == "")
    }

    @Test func geniusLineFollowsGeniusFormats() {
        #expect(
            writer.geniusLine(TournamentFixture.records[0])
                == "0.012;12;;100 rounds;Yes;No;2;0.30000;0.80000;0.00000;0.33333;1.10000;alpha@1;beta@2;0.8;0.3;"
                + "0.8;0.3;0.8;0.3;0.0;0.0;0.8;0.3;market/buyer;market/seller\n")
        // Discounted scenario, agreement with differing discounted utilities.
        #expect(
            writer.geniusLine(TournamentFixture.records[3])
                == "0.000;40;;100 rounds;Yes;Yes;2;0.35000;0.85000;0.05000;0.10000;1.20000;beta@1;alpha@2;0.35;0.9;"
                + "0.35;0.85;0.35;0.85;0.0;0.0;0.35;0.85;lease/tenant;lease/landlord\n")
    }

    @Test func geniusLineOfAFailureCarriesTheReasonWithoutSeparators() {
        let line = writer.geniusLine(TournamentFixture.records[2])
        let fields = line.dropLast().split(separator: ";", omittingEmptySubsequences: false)
        #expect(fields.count == 26)
        #expect(fields[0] == "2.000")
        #expect(fields[2] == "the agent crashed, see the log")
        #expect(fields[4] == "No")
        #expect(fields[6] == "0")
        #expect(fields[9] == "NaN" && fields[10] == "NaN")
        #expect(!line.dropLast().contains("\n"))
    }

    @Test func geniusHeaderExtendsTheAgentGroupsForThreeParties() {
        let header = NegotiationRecordWriter(parties: 3).geniusHeader
        #expect(header.hasPrefix("sep=;\n"))
        #expect(header.contains(";Social Welfare;Agent 1;Agent 2;Agent 3;Utility 1;Utility 2;Utility 3;Disc. Util. 1;"))
        #expect(header.hasSuffix(";Profile 1;Profile 2;Profile 3\n"))
    }

    @Test func writerForATournamentTakesItsPartiesDeadlineAndDiscounts() throws {
        var scenario = try ScenarioLoader.bundled("job-offer")
        let plain = scenario
        scenario.parties[1].discount = 0.9
        let tournament = Tournament(
            name: "t",
            competitors: [Tournament.Competitor(id: "b", agent: try AgentSpecification(parsing: "boulware"))],
            entries: [.init(name: "plain", scenario: plain), .init(name: "discounted", scenario: scenario)],
            deadline: try Deadline(rounds: 1000))
        let writer = NegotiationRecordWriter(tournament: tournament)
        #expect(writer.parties == 2)
        #expect(writer.deadline == "1000 rounds")
        #expect(writer.discountedScenarios == ["discounted"])
        #expect(NegotiationRecordWriter.geniusDeadline(try Deadline(seconds: 180)) == "180s")
    }

    // MARK: Summary report

    @Test func textRanksTheAgentsAndNamesTheSetup() throws {
        let text = try TournamentFixture.report().render(.text)
        #expect(text.hasPrefix("Fixture cup: tournament results\n"))
        #expect(text.contains("2 agents on 2 scenarios (market, lease): alternating offers, deadline 100 rounds"))
        #expect(text.contains("seed 42"))
        #expect(text.contains("4 of 4 planned negotiations recorded; 2 agreements (50.0 %), 1 failed"))
        #expect(text.contains("time-dependent(e=0.5)"))
        #expect(text.contains("time-dependent, concedes late (e = 0.2)"))
        // alpha: 0.8, 0.75, 0.7, 0.85 → 0.775; beta: 0.3, 0.25, 0.2, 0.35 → 0.275.
        let ranking = try #require(text.components(separatedBy: "Ranking\n").last)
        let alpha = try #require(ranking.range(of: "  1  alpha"))
        let beta = try #require(ranking.range(of: "  2  beta"))
        #expect(alpha.lowerBound < beta.lowerBound)
        #expect(ranking.contains("0.775"))
        #expect(ranking.contains("0.275"))
        #expect(text.contains("Pairwise comparisons"))
        #expect(text.contains("1. alpha: beta"))
        #expect(text.contains("2. beta: no agent"))
        #expect(text.contains("Utility by scenario"))
    }

    @Test func markdownHasTheTables() throws {
        let markdown = try TournamentFixture.report().render(.markdown)
        #expect(markdown.hasPrefix("# Fixture cup: tournament results\n"))
        #expect(markdown.contains("## Ranking"))
        #expect(markdown.contains("| rank | agent | samples | mean utility | 95 % interval |"))
        #expect(markdown.contains("| agent | against | difference | t | df | p | significant |"))
        #expect(markdown.contains("| agent | market | lease | all |"))
        #expect(markdown.contains("| alpha | 0.775 | 0.775 | 0.775 |"))
        #expect(markdown.contains("| beta | 0.275 | 0.275 | 0.275 |"))
    }

    @Test func jsonHasTheStandingsComparisonsAndFacts() throws {
        let report = try TournamentFixture.report()
        let json = try parseObject(report.render(.json))
        let tournament = try object(json["tournament"], "tournament")
        #expect(tournament["name"] as? String == "Fixture cup")
        #expect(tournament["seed"] as? String == "42")
        #expect(tournament["roles"] as? String == "all")
        #expect(tournament["selfPlay"] as? Bool == false)
        #expect(tournament["scenarios"] as? [String] == ["market", "lease"])
        let agents = try array(tournament["agents"], "agents")
        #expect((agents.last as? [String: Any])?["agent"] as? String == "time-dependent(e=0.5)")
        #expect(isNull(json["shard"]))
        let negotiations = try object(json["negotiations"], "negotiations")
        #expect(negotiations["plan"] as? Int == 4)
        #expect(negotiations["planned"] as? Int == 4)
        #expect(negotiations["recorded"] as? Int == 4)
        #expect(negotiations["agreements"] as? Int == 2)
        #expect(negotiations["failures"] as? Int == 1)

        let standings = try array(json["standings"], "standings").map { try object($0, "standing") }
        #expect(standings.map { $0["agent"] as? String } == ["alpha", "beta"])
        let alpha = standings[0]
        #expect(isClose(try number(alpha["meanUtility"], "meanUtility"), 0.775))
        #expect(try number(alpha["lower"], "lower") < 0.775)
        #expect(try number(alpha["upper"], "upper") > 0.775)
        #expect(alpha["samples"] as? Int == 4)
        #expect(alpha["failures"] as? Int == 1)
        #expect(isClose(try number(alpha["agreementRate"], "agreementRate"), 0.5))
        #expect(alpha["significantlyBetterThan"] as? [String] == ["beta"])
        #expect(standings[1]["significantlyWorseThan"] as? [String] == ["alpha"])
        let byScenario = try array(alpha["meanUtilityByScenario"], "meanUtilityByScenario")
        #expect(byScenario.count == 2)
        #expect(isClose(try number(byScenario[0], "market"), 0.775))

        let comparisons = try array(json["comparisons"], "comparisons").map { try object($0, "comparison") }
        #expect(comparisons.count == 1)
        #expect(comparisons[0]["first"] as? String == "alpha")
        #expect(isClose(try number(comparisons[0]["difference"], "difference"), 0.5))
        #expect(try number(comparisons[0]["p"], "p") < 0.05)
        #expect(comparisons[0]["significant"] as? Bool == true)
    }

    @Test func shardIsReportedWithItsShareOfThePlan() throws {
        let records = TournamentFixture.records.filter { $0.id % 3 == 1 }  // shard 2/3 of 4: ids 1
        let summary = TournamentSummary(
            records: records, agents: TournamentFixture.agents, scenarios: TournamentFixture.scenarios)
        let report = TournamentReport(summary, setup: try TournamentFixture.setup(shard: try Shard(parsing: "2/3")))
        #expect(report.setup.planned == 1)
        let json = try parseObject(report.render(.json))
        let shard = try object(json["shard"], "shard")
        #expect(shard["index"] as? Int == 2 && shard["count"] as? Int == 3)
        #expect(report.render(.text).contains("Shard 2 of 3"))
        #expect(report.render(.text).contains("1 of its 1 negotiation (of 4 in the plan) recorded"))
        // The whole plan as a "shard" is no shard.
        #expect(try TournamentFixture.setup(shard: .whole).shard == nil)
    }

    @Test func htmlIsOneSelfContainedPageWithTheRankingChartAndTheHeatMap() throws {
        let html = try TournamentFixture.report().render(.html)
        #expect(html.hasPrefix("<!DOCTYPE html>\n"))
        #expect(isWellFormed(html))
        #expect(occurrences(of: "<svg", in: html) == 2)
        #expect(!html.contains("<script"))
        #expect(!html.contains("src="))
        #expect(html.contains("<figure id=\"chart-ranking\">"))
        #expect(html.contains("<figure id=\"chart-utility-by-scenario\">"))
        #expect(html.contains("<section id=\"ranking\">"))
        #expect(html.contains("<section id=\"pairwise-comparisons\">"))
        // The ranking figure sits in the ranking section, the heat map in the per-scenario one.
        let ranking = try #require(html.range(of: "<section id=\"ranking\">"))
        let comparisons = try #require(html.range(of: "<section id=\"pairwise-comparisons\">"))
        let chart = try #require(html.range(of: "chart-ranking"))
        #expect(ranking.upperBound < chart.lowerBound && chart.upperBound < comparisons.lowerBound)
        // Each heat-map cell prints its value; the cell's tooltip names agent and scenario.
        #expect(html.contains("1. alpha on market: mean utility 0.775"))
        #expect(html.contains("2. beta on lease: mean utility 0.275"))
        #expect(html.contains("Generated by accord tournament."))
    }

    @Test func agentThatNeverPlayedIsRankedLastWithDashesAndNulls() throws {
        var setup = try TournamentFixture.setup()
        setup.competitors.append(
            Tournament.Competitor(id: "gamma", agent: try AgentSpecification(parsing: "conceder")))
        let summary = TournamentSummary(
            records: TournamentFixture.records, agents: TournamentFixture.agents + ["gamma"],
            scenarios: TournamentFixture.scenarios)
        let report = TournamentReport(summary, setup: setup)
        let json = try parseObject(report.render(.json))
        let standings = try array(json["standings"], "standings").map { try object($0, "standing") }
        let gamma = try #require(standings.last)
        #expect(gamma["agent"] as? String == "gamma")
        #expect(gamma["samples"] as? Int == 0)
        #expect(isNull(gamma["meanUtility"]) && isNull(gamma["lower"]) && isNull(gamma["meanWelfare"]))
        #expect(try array(gamma["meanUtilityByScenario"], "meanUtilityByScenario").allSatisfy(isNull))
        let comparisons = try array(json["comparisons"], "comparisons").map { try object($0, "comparison") }
        #expect(comparisons.count == 3)
        #expect(comparisons.filter { $0["second"] as? String == "gamma" }.allSatisfy { isNull($0["p"]) })
        #expect(report.render(.markdown).contains("| 3 | gamma | 0 | — | — | — | — | — | — | 0 |"))
        let html = report.render(.html)
        #expect(isWellFormed(html))
        #expect(html.contains("no samples"))
        #expect(html.contains("3. gamma did not play market"))
    }

    @Test(arguments: ReportFormat.allCases)
    func sameRecordsGiveTheSameBytes(format: ReportFormat) throws {
        let setup = try TournamentFixture.setup()
        let shuffled = [3, 1, 0, 2].map { TournamentFixture.records[$0] }
        let first = TournamentReport(TournamentFixture.summary, setup: setup).render(format)
        let second = TournamentReport(
            TournamentSummary(
                records: shuffled, agents: TournamentFixture.agents, scenarios: TournamentFixture.scenarios),
            setup: setup
        ).render(format)
        #expect(first == second)
    }

    // MARK: A real tournament

    /// Boulware, conceder and linear on the job offer, both roles, two repetitions, 60 rounds.
    static func jobOfferTournament() throws -> Tournament {
        Tournament(
            name: "Job-offer cup",
            competitors: try ["boulware", "conceder", "linear"].map {
                Tournament.Competitor(id: $0, agent: try AgentSpecification(parsing: $0))
            },
            entries: [.init(name: "job-offer", scenario: try ScenarioLoader.bundled("job-offer"))],
            deadline: try Deadline(rounds: 60), repetitions: 2, selfPlay: false, seed: 5)
    }

    static func play(_ tournament: Tournament, shard: Shard = .whole) throws -> [NegotiationRecord] {
        let runner = try TournamentRunner(tournament: tournament)
        return try tournament.plan().filter { shard.contains($0.id) }.map(runner.play)
    }

    @Test func realTournamentWritesEveryNegotiationAndReportsTheSameBytesTwice() throws {
        let tournament = try Self.jobOfferTournament()
        let plan = try tournament.plan()
        #expect(plan.count == 12)  // 3 × 2 ordered pairs × 2 repetitions
        let first = try Self.play(tournament)
        let second = try Self.play(tournament)
        let writer = NegotiationRecordWriter(tournament: tournament)
        #expect(csvRecords(writer.csv(first)).count == plan.count + 1)
        #expect(writer.csv(first) == writer.csv(second))
        #expect(NegotiationRecordWriter.jsonLines(first) == NegotiationRecordWriter.jsonLines(second))
        #expect(writer.geniusLog(first).split(separator: "\n").count == plan.count + 2)

        let agents = tournament.competitors.map(\.id)
        let scenarios = tournament.entries.map(\.name)
        let setup = TournamentReport.Setup(tournament: tournament, negotiations: plan.count)
        let report = TournamentReport(
            TournamentSummary(records: first, agents: agents, scenarios: scenarios), setup: setup)
        let again = TournamentReport(
            TournamentSummary(records: second, agents: agents, scenarios: scenarios), setup: setup)
        for format in ReportFormat.allCases { #expect(report.render(format) == again.render(format), "\(format)") }
        let json = try parseObject(report.render(.json))
        #expect(try object(json["negotiations"], "negotiations")["recorded"] as? Int == 12)
        #expect(try array(json["standings"], "standings").count == 3)
        #expect(try array(json["comparisons"], "comparisons").count == 3)
        #expect(isWellFormed(report.render(.html)))
    }

    @Test func mergedShardsGiveTheUnshardedSummaryByteForByte() throws {
        let tournament = try Self.jobOfferTournament()
        let count = try tournament.plan().count
        let whole = try Self.play(tournament)
        let shards = try (1...3).map { try Self.play(tournament, shard: try Shard(index: $0, count: 3)) }
        #expect(shards.map(\.count) == [4, 4, 4])
        let merged = shards.flatMap { $0 }
        let agents = tournament.competitors.map(\.id)
        let scenarios = tournament.entries.map(\.name)
        let setup = TournamentReport.Setup(tournament: tournament, negotiations: count)
        let writer = NegotiationRecordWriter(tournament: tournament)
        #expect(writer.csv(merged) == writer.csv(whole))
        #expect(NegotiationRecordWriter.jsonLines(merged) == NegotiationRecordWriter.jsonLines(whole))
        for format in ReportFormat.allCases {
            let a = TournamentReport(
                TournamentSummary(records: whole, agents: agents, scenarios: scenarios), setup: setup)
            let b = TournamentReport(
                TournamentSummary(records: merged, agents: agents, scenarios: scenarios), setup: setup)
            #expect(a.render(format) == b.render(format), "\(format)")
        }
        // A shard's own report says which slice it covers.
        let shard = try Shard(index: 2, count: 3)
        let partial = TournamentReport(
            TournamentSummary(records: shards[1], agents: agents, scenarios: scenarios),
            setup: TournamentReport.Setup(tournament: tournament, negotiations: count, shard: shard))
        #expect(partial.render(.text).contains("4 of its 4 negotiations (of 12 in the plan) recorded"))
    }
}
