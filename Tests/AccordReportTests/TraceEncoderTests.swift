import AccordCore
import AccordFormats
import AccordNegotiation
import AccordReport
import Testing

/// A small scenario whose issues are a real range (levels such as 0.30000000000000004 and a last level capped at the
/// upper bound), an integer range through zero and a list of options; its ids are then renamed to need JSON's escapes
/// (quotes, a backslash, a tab, control characters, U+2028, non-ASCII letters, an emoji), which a scenario file
/// refuses but a library user can build.
private func awkwardScenario() throws -> Scenario {
    var scenario = try ScenarioLoader.parse(
        """
        accord: 1
        name: Awkward names
        issues:
          - {id: price, range: [0.1, 0.75], step: 0.1}
          - {id: units, range: [-20, 40], step: 15}
          - {id: area, options: [a, b, c, d]}
        parties:
          - id: buyer
            reservation: 0.3
            weights: {price: 0.5, units: 0.2, area: 0.3}
            values: {price: decreasing, units: increasing, area: {a: 1.0, b: 0.3, c: 0.7, d: 0.0}}
          - id: seller
            reservation: 0.25
            weights: {price: 0.6, units: 0.1, area: 0.3}
            values: {price: increasing, units: decreasing, area: {a: 0.1, b: 1.0, c: 0.2, d: 0.6}}
        """)
    var issues = scenario.issues
    issues[0].id = #"price "net""#
    issues[2].id = "fl\u{E4}che\u{2028}"
    issues[2].kind = .discrete(
        ["a\\b", "tab\there", "caf\u{E9} \u{1F600}", "ctl\u{1}\u{7F}\u{85}\u{FEFF}"].map { Option(id: $0) })
    scenario.space = OutcomeSpace(issues: issues)
    scenario.parties[0].id = "buyer\u{A0}\"1\""
    return scenario
}

/// The encoder writes a trace line straight into bytes; these tests hold it to the exact text of the JSON value it
/// builds for the report (`json(event).serialized(indent: 0)`), so that the `--trace` file and the report's `trace`
/// entries can never drift apart.
@Suite struct TraceEncoderTests {
    /// Every action of a session, as both paths write it.
    private func expectBothPathsAgree(
        on domain: NegotiationDomain, _ setup: SimulationSetup, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let result = try setup.session(on: domain).run()
        #expect(result.trace.isComplete, sourceLocation: sourceLocation)
        #expect(result.trace.count > 0, sourceLocation: sourceLocation)
        let encoder = SimulationReport.TraceEncoder(domain: domain)
        for event in result.trace {
            #expect(encoder.line(event) == encoder.json(event).serialized(indent: 0), sourceLocation: sourceLocation)
        }
    }

    @Test func alternatingOffersOnTheJobOfferWriteTheSameBytes() throws {
        let domain = try NegotiationDomain(scenario: try ScenarioLoader.bundled("job-offer"))
        try expectBothPathsAgree(on: domain, try jobOfferSetup())
        try expectBothPathsAgree(on: domain, try jobOfferSetup(agents: "candidate=random,employer=tit-for-tat"))
    }

    @Test func mediatedTalksWithObjectionsAndExpiriesWriteTheSameBytes() throws {
        let domain = try NegotiationDomain(scenario: try ScenarioLoader.bundled("berlin-2025"))
        try expectBothPathsAgree(on: domain, try berlinSetup())
        var neutral = try berlinSetup()
        neutral.mediator = "neutral"
        let result = try neutral.session(on: domain).run()
        // The neutral mediator's drafts have no party and expiries have none either: the `null` branch is covered.
        #expect(result.trace.contains { $0.party == nil })
        #expect(result.trace.contains { $0.kind == .object })
        #expect(result.trace.contains { $0.kind == .expire })
        try expectBothPathsAgree(on: domain, neutral)
    }

    @Test func namesThatNeedEscapesAndNumericLevelsWriteTheSameBytes() throws {
        let scenario = try awkwardScenario()
        let domain = try NegotiationDomain(scenario: scenario)
        let encoder = SimulationReport.TraceEncoder(domain: domain)
        // Every outcome of the space, offered by each party, so every level of every issue is written.
        for outcome in 0..<domain.outcomeCount {
            for party in [0, 1] {
                let event = TraceEvent(
                    round: outcome + 1, t: Double(outcome) / 7, party: party, kind: .offer, outcome: outcome)
                #expect(encoder.line(event) == encoder.json(event).serialized(indent: 0))
            }
        }
        let line = encoder.line(TraceEvent(round: 3, t: 0.25, party: 0, kind: .offer, outcome: 0))
        #expect(
            line.hasPrefix(
                #"{"round":3,"t":0.25,"party":"buyer\#u{00A0}\"1\"","action":"offer","outcome":{"price \"net\"":0.1,"units":-20,"fl\#u{00E4}che\u2028":"a\\b"}"#
            ))
        // Outcome 40: price level 2 (0.1 + 2 × 0.1 in floating point), units level 0, area level 0.
        let third = encoder.line(TraceEvent(round: 1, t: 0.5, party: 1, kind: .offer, outcome: 40))
        #expect(third.contains(#"{"price \"net\"":0.30000000000000004,"units":-20,"#))
        try expectBothPathsAgree(
            on: domain, SimulationSetup(rounds: 40, agents: try AgentAssignment(parsing: "seller=random"), seed: 7))
    }

    @Test func actionsWithoutAnOutcomeAndExpiriesWriteTheSameBytes() throws {
        let domain = try NegotiationDomain(scenario: try awkwardScenario())
        let encoder = SimulationReport.TraceEncoder(domain: domain)
        let events = [
            TraceEvent(round: 9, t: 1, party: 1, kind: .end),
            TraceEvent(
                round: 2, t: 1e-7, party: nil, kind: .expire, outcome: 5, options: [#"fläche=ctl"\#u{1}"#, "units=40"]),
            TraceEvent(round: 2, t: 0.5, party: nil, kind: .expire, options: []),
            TraceEvent(round: 4, t: 0.1 + 0.2, party: 0, kind: .object, outcome: 3, issue: 2),
            TraceEvent(round: 4, t: 0.3, party: nil, kind: .object, outcome: 3),
            TraceEvent(round: 5, t: 0.9, party: 0, kind: .accept, outcome: domain.outcomeCount - 1),
        ]
        for event in events {
            #expect(encoder.line(event) == encoder.json(event).serialized(indent: 0))
        }
        #expect(
            encoder.line(events[0])
                == #"{"round":9,"t":1,"party":"seller","action":"end","outcome":null,"utilities":null}"#)
    }

    @Test func appendAddsToWhatTheBufferHolds() throws {
        let domain = try NegotiationDomain(scenario: try ScenarioLoader.bundled("job-offer"))
        let encoder = SimulationReport.TraceEncoder(domain: domain)
        let event = TraceEvent(round: 1, t: 0.01, party: 0, kind: .offer, outcome: 17)
        var bytes = Array("previous\n".utf8)
        encoder.append(event, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "previous\n" + encoder.line(event))
    }
}
