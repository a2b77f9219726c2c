import AccordKit
import Foundation
import Testing

/// The slider re-analysis: the changes applied as documented, the analysis under them equal to `accord analyze`'s
/// on a scenario file edited the same way, and each bad change refused with one sentence naming its field.
@Suite struct WhatIfRequestTests {
    /// Berlin's text with Russia's reservation written as a plain number (the file has a triangular distribution
    /// whose nominal value is 0.6).
    static func berlin(russiaReservation: String) throws -> String {
        let text = try String(contentsOfFile: try ScenarioLoader.bundledPath("berlin-2025"), encoding: .utf8)
        let written = "reservation: {triangular: [0.45, 0.60, 0.75]}"
        #expect(text.components(separatedBy: written).count == 2, "Russia's reservation line moved")
        return text.replacingOccurrences(of: written, with: "reservation: \(russiaReservation)")
    }

    /// The JSON document of a result, as a dictionary.
    static func object(_ json: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    /// The parts of `accord analyze --format json` a what-if answer repeats, serialised for comparison.
    static func analysisParts(_ document: [String: Any]) throws -> [String: Data] {
        var parts: [String: Data] = [:]
        for key in ["agreementZone", "pareto", "solutions", "extremes", "coalitions", "parties", "issues"] {
            let value = try #require(document[key], "no \(key)")
            parts[key] = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
        }
        let blocking = document["blocking"] ?? [Any]()
        parts["blocking"] = try JSONSerialization.data(withJSONObject: blocking, options: [.sortedKeys])
        return parts
    }

    /// `accord analyze --format json` on a scenario, without Monte Carlo draws.
    static func analyzed(_ source: ScenarioSource) async throws -> [String: Any] {
        // One draw: the uncertain scenario's sampling is not what is compared, only the exact analysis.
        try object(try await AnalysisRequest(source: source, samples: 1).run().render(.json))
    }

    @Test func withoutChangesTheAnswerIsTheAnalysisOfTheScenario() async throws {
        let whatIf = try Self.object(try await WhatIfRequest().run().render(.json))
        let analysis = try await Self.analyzed(.default)
        #expect(try Self.analysisParts(whatIf) == Self.analysisParts(analysis))
        // Berlin as written: no deal, Russia blocks; the zone opens below Russia's reservation of 0.5655.
        #expect(whatIf["zoneIsEmpty"] as? Bool == true)
        #expect((whatIf["agreementZone"] as? [String: Any])?["count"] as? Int == 0)
        let changes = try #require(whatIf["changes"] as? [String: [Any]])
        #expect(changes["reservations"]?.isEmpty == true && changes["weights"]?.isEmpty == true)
        let thresholds = try #require((whatIf["sensitivity"] as? [String: [[String: Any]]])?["reservations"])
        let russia = try #require(thresholds.first { $0["party"] as? String == "russia" })
        #expect(abs((russia["threshold"] as? Double ?? 0) - 0.5655) < 1e-9)
    }

    @Test func loweringRussiasReservationOpensTheZone() async throws {
        let result = try await WhatIfRequest(reservations: ["russia": 0.55]).run()
        let whatIf = try Self.object(result.render(.json))
        let edited = try await Self.analyzed(.text(try Self.berlin(russiaReservation: "0.55"), file: "berlin.yaml"))
        let count = try #require((edited["agreementZone"] as? [String: Any])?["count"] as? Int)
        #expect(count > 0)
        #expect(result.report.analysis.zone.count == count)
        #expect(whatIf["zoneIsEmpty"] as? Bool == false)
        #expect(try Self.analysisParts(whatIf) == Self.analysisParts(edited))
        // With a zone, nobody blocks and every solution exists.
        #expect((whatIf["blocking"] as? [Any])?.isEmpty == true)
        let solutions = try #require(whatIf["solutions"] as? [String: Any])
        #expect(solutions["nash"] is [String: Any] && solutions["kalaiSmorodinsky"] is [String: Any])
        #expect(result.changes.reservations == [.init(party: "russia", from: 0.6, to: 0.55)])
        #expect(result.render(.text).hasPrefix("What if:\n  russia: reservation 0.6 → 0.55\n\n"))
        // From an already-parsed scenario, the same document.
        let parsed = try WhatIfRequest(reservations: ["russia": 0.55]).result(
            for: ScenarioLoader.bundled("berlin-2025"))
        #expect(parsed.render(.json) == result.render(.json))

        // Just above the threshold (0.5655) the zone stays closed, as the edited file's analysis says too.
        let above = try await WhatIfRequest(reservations: ["russia": 0.57]).run()
        #expect(above.report.analysis.zone.count == 0)
    }

    @Test func aChangedWeightIsRenormalisedWithTheOthers() async throws {
        let request = WhatIfRequest(weights: ["russia": ["territory": 0.7]])
        let (scenario, changes) = try request.changedScenario()
        // Russia's nominal weights: guarantee 0.3, territory 0.3, army_cap 0.15, sanctions 0.15, frozen_assets 0.1.
        // Territory set to 0.7, the sum is 1.4: 0.3/1.4, 0.7/1.4 = 0.5, 0.15/1.4, 0.15/1.4, 0.1/1.4.
        let expected = [0.3, 0.7, 0.15, 0.15, 0.1].map { $0 / 1.4 }
        let change = try #require(changes.weights.first)
        #expect(change.party == "russia" && change.changed == ["territory"])
        #expect(zip(change.from, [0.3, 0.3, 0.15, 0.15, 0.1]).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(zip(change.to, expected).allSatisfy { abs($0 - $1) < 1e-12 })

        // No guarantee (1 on every attribute), Ukraine keeps its land (0), a cap of 400 (1), sanctions stay (0),
        // assets returned (1): 0.3/1.4 + 0 + 0.15/1.4 + 0 + 0.1/1.4 = 0.55/1.4 ≈ 0.392857 (0.55 before).
        let package = try PackageChoice(
            parsing:
                "guarantee=none,territory=ukraine_keeps,army_cap=400,sanctions=sanctions_stay,frozen_assets=returned"
        )
        let evaluation = try scenario.evaluate(Proposal(id: "p", levels: package.levels(in: scenario.space)))
        #expect(scenario.parties[3].id == "russia")
        #expect(abs(evaluation.utilities[3] - 0.55 / 1.4) < 1e-12)

        let result = try await request.run()
        let weights = try #require(
            ((try Self.object(result.render(.json))["changes"] as? [String: Any])?["weights"] as? [[String: Any]])?
                .first?["to"] as? [String: Double])
        #expect(abs((weights["territory"] ?? 0) - 0.5) < 1e-12)
    }

    /// One bad change per row, and the sentence it gives.
    @Test(arguments: [
        (
            WhatIfRequest(reservations: ["nobody": 0.5]),
            "reservations: there is no party 'nobody'; parties are: us, ukraine, europe, russia."
        ),
        (WhatIfRequest(reservations: ["russia": 1.5]), "reservations.russia must be a number from 0 to 1, found 1.5."),
        (
            WhatIfRequest(reservations: ["russia": -0.1]),
            "reservations.russia must be a number from 0 to 1, found -0.1."
        ),
        (WhatIfRequest(reservations: ["russia": .nan]), "reservations.russia must be a number from 0 to 1, found nan."),
        (
            WhatIfRequest(weights: ["nobody": ["territory": 1]]),
            "weights: there is no party 'nobody'; parties are: us, ukraine, europe, russia."
        ),
        (
            WhatIfRequest(weights: ["russia": ["peace": 1]]),
            "weights.russia: there is no issue 'peace'; issues are: guarantee, territory, army_cap, sanctions, "
                + "frozen_assets."
        ),
        (
            WhatIfRequest(weights: ["russia": ["territory": -0.2]]),
            "weights.russia.territory must be a number of at least 0, found -0.2."
        ),
        (
            WhatIfRequest(weights: ["russia": ["territory": .infinity]]),
            "weights.russia.territory must be a number of at least 0, found inf."
        ),
        (
            WhatIfRequest(weights: [
                "us": ["guarantee": 0, "territory": 0, "army_cap": 0, "sanctions": 0, "frozen_assets": 0]
            ]),
            "weights.us: the weights would all be 0; at least one must be positive."
        ),
        (
            WhatIfRequest(reservations: [String(repeating: "x", count: 100): 0.5]),
            "reservations: there is no party '\(String(repeating: "x", count: 40))…'; parties are: us, ukraine, "
                + "europe, russia."
        ),
        (WhatIfRequest(maxOutcomes: 0), "maxOutcomes must be at least 1, found 0."),
    ])
    func aBadChangeIsRefusedWithOneSentence(request: WhatIfRequest, sentence: String) async {
        await #expect {
            _ = try await request.run()
        } throws: { error in
            (error as? RequestError)?.sentence == sentence
        }
    }

    @Test func aLongListOfIssuesIsCutAfterSix() async throws {
        let issues = (1...9).map { "  - {id: i\($0), options: [a, b]}\n" }.joined()
        let values = (1...9).map { "i\($0): {a: 0, b: 1}" }.joined(separator: ", ")
        let text =
            "accord: 1\nname: nine\nissues:\n\(issues)parties:\n"
            + ["p", "q"].map { "  - id: \($0)\n    weights: {i1: 1}\n    values: {\(values)}\n" }.joined()
        await #expect {
            _ = try await WhatIfRequest(source: .text(text, file: "nine.yaml"), weights: ["p": ["x": 1]]).run()
        } throws: { error in
            (error as? RequestError)?.sentence
                == "weights.p: there is no issue 'x'; issues are: i1, i2, i3, i4, i5, i6 and 3 more."
        }
    }

    @Test func aPartyWithoutIssueWeightsCannotBeReweighed() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let domain = try scratch.file("domain.xml", Self.geniusDomain)
        let seller = try scratch.file("seller.xml", Self.rectangles(utility: 1))
        let buyer = try scratch.file("buyer.xml", Self.rectangles(utility: 0.5))
        let source = ScenarioSource.geniusFiles(domain: domain, profiles: [seller, buyer])
        await #expect {
            _ = try await WhatIfRequest(source: source, weights: ["seller": ["a": 1]]).run()
        } throws: { error in
            (error as? RequestError)?.sentence
                == "weights.seller: party 'seller' has no issue weights to change, since its utility is not "
                + "linear-additive."
        }
        // Its reservation value can still change.
        let result = try await WhatIfRequest(source: source, reservations: ["seller": 0.25]).run()
        #expect(result.report.analysis.scenario.parties[0].reservation == 0.25)
    }

    /// A GENIUS domain of one integer issue `a` from 1 to 2.
    static let geniusDomain = """
        <negotiation_template>
        <utility_space number_of_issues="1">
        <objective description="" etype="objective" index="0" name="root" type="objective">
           <issue etype="integer" index="1" name="a" type="integer" vtype="integer" lowerbound="1" upperbound="2"/>
        </objective>
        </utility_space>
        </negotiation_template>
        """

    /// A GENIUS nonlinear profile on ``geniusDomain``: `utility` when a = 1, 0 otherwise.
    static func rectangles(utility: Double) -> String {
        """
        <utility_space type="nonlinear">
        <objective description="" etype="objective" index="0" name="root" type="objective">
           <issue etype="integer" index="1" name="a" type="integer" vtype="integer" lowerbound="1" upperbound="2"/>
           <utility maxutility="1">
              <ufun type="PlainUfun" weight="1" aggregation="sum">
                 <hyperRectangle utility="\(utility)"><INCLUDES index="1" min="1" max="1"/></hyperRectangle>
              </ufun>
           </utility>
        </objective>
        <reservation value="0" />
        </utility_space>
        """
    }
}
