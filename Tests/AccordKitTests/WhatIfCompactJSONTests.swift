import AccordKit
import Testing

/// The what-if answer the server sends: its compact text written faster is exactly the JSON document's compact
/// serialisation, and a frontier reused from the memo gives exactly the analysis built without it.
@Suite struct WhatIfCompactJSONTests {
    static let requests: [WhatIfRequest] = [
        WhatIfRequest(),
        WhatIfRequest(reservations: ["russia": 0.3]),
        WhatIfRequest(reservations: ["russia": 0.45], weights: ["ukraine": ["territory": 0.5]]),
        WhatIfRequest(reservations: ["ukraine": 0.8], issues: ["territory", "army_cap"]),
        WhatIfRequest(round: 11),
    ]

    @Test(arguments: requests.indices)
    func compactTextIsTheDocumentsCompactSerialisation(_ index: Int) async throws {
        let result = try await Self.requests[index].run()
        #expect(!result.report.analysis.frontier.isEmpty)
        #expect(result.compactJSON() == result.json().serialized(indent: 0))
    }

    @Test(arguments: ["job-offer", "synthetic-15k-2p"])
    func compactTextHoldsOnOtherBundledScenarios(_ name: String) async throws {
        let result = try await WhatIfRequest(source: .bundled(name)).run()
        #expect(result.compactJSON() == result.json().serialized(indent: 0))
    }

    @Test func aReusedFrontierGivesTheSameAnswer() async throws {
        let scenario = try ScenarioSource.default.scenario()
        let memo = FrontierMemo(capacity: 8)
        for (index, request) in Self.requests.enumerated() {
            let fresh = try request.result(for: scenario)
            let first = try request.result(for: scenario, frontiers: memo)
            let reused = try request.result(for: scenario, frontiers: memo)
            #expect(first.compactJSON() == fresh.compactJSON())
            #expect(reused.compactJSON() == fresh.compactJSON())
            // The first two requests differ only in a reservation value: they share one frontier.
            if index == 1 { #expect(memo.count == 1) }
        }
        #expect(memo.count >= 3)
    }

    @Test func theMemoKeepsOnlyItsCapacity() throws {
        let scenario = try ScenarioSource.default.scenario()
        let memo = FrontierMemo(capacity: 2)
        for weight in [0.1, 0.2, 0.3] {
            _ = try WhatIfRequest(weights: ["us": ["army_cap": weight]]).result(for: scenario, frontiers: memo)
        }
        #expect(memo.count == 2)
        #expect(memo.capacity == 2)
    }
}
