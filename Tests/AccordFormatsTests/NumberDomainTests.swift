import AccordCore
import AccordFormats
import Testing

/// `issues:` where the second option of `guarantee` expires as `expiry` says.
private func expiring(_ expiry: String) -> String {
    smallScenario(
        issues: """
            issues:
              - id: guarantee
                options: [none, {id: article5_like, available_until: \(expiry)}]
              - id: army_cap
                range: [400, 900]
                step: 50
            """)
}

/// Numbers outside their documented domain (issue #15's reproducers and their kind): each is one problem at its
/// key path that names the allowed range, and none traps.
let outOfDomainNumbers: [BrokenScenario] = [
    BrokenScenario(
        "round beyond Int.max", expiring("{round: 9223372036854775808}"),
        path: "issues[0] (guarantee).options[1] (article5_like).available_until.round",
        mentions: "a whole number from 1 to 100000000", "found 9.223372036854776e+18"),
    BrokenScenario(
        "round of 1e308", expiring("{round: 1e308}"),
        path: "issues[0] (guarantee).options[1] (article5_like).available_until.round",
        mentions: "a whole number from 1 to 100000000", "found 1e+308"),
    BrokenScenario(
        "negative round", expiring("{round: -3}"),
        path: "issues[0] (guarantee).options[1] (article5_like).available_until.round",
        mentions: "a whole number from 1 to 100000000", "found -3"),
    BrokenScenario(
        "bare round beyond Int.max", expiring("9223372036854775808"),
        path: "issues[0] (guarantee).options[1] (article5_like).available_until",
        mentions: "a round number from 1 to 100000000", "'9223372036854775808'"),
    BrokenScenario(
        "bare negative round", expiring("-3"),
        path: "issues[0] (guarantee).options[1] (article5_like).available_until",
        mentions: "a round number from 1 to 100000000", "'-3'"),
    BrokenScenario(
        "proposal number .7e38 on a range [0, 0]",
        smallScenario(
            issues: issues(armyCap: "range: [0, 0]"),
            proposals: "proposals:\n  - {id: p, outcome: {guarantee: none, army_cap: .7e38}}"),
        path: "proposals[0] (p).outcome.army_cap", mentions: "'.7e38' is not a level of issue 'army_cap'"),
    BrokenScenario(
        "range up to 1e308", smallScenario(issues: issues(armyCap: "range: [0, 1e308]")),
        path: "issues[1] (army_cap).range[1]", mentions: "1e+308 is out of range", "from -10^15 to 10^15"),
    BrokenScenario(
        "range down from -1e308", smallScenario(issues: issues(armyCap: "range: [-1e308, 0]")),
        path: "issues[1] (army_cap).range[0]", mentions: "-1e+308 is out of range", "from -10^15 to 10^15"),
    BrokenScenario(
        "step written as .nan", smallScenario(issues: issues(armyCap: "range: [400, 900]\n    step: .nan")),
        path: "issues[1] (army_cap).step", mentions: "expected a number, found the value '.nan'"),
    BrokenScenario(
        "step written as nan", smallScenario(issues: issues(armyCap: "range: [400, 900]\n    step: nan")),
        path: "issues[1] (army_cap).step", mentions: "expected a number, found the value 'nan'"),
    BrokenScenario(
        "huge step", smallScenario(issues: issues(armyCap: "range: [400, 900]\n    step: 1e300")),
        path: "issues[1] (army_cap).step", mentions: "1e+300 is out of range", "from -10^15 to 10^15"),
    BrokenScenario(
        "triangular value over ±1e308",
        smallScenario(
            parties: party(
                values: "{guarantee: {none: 1.0, article5_like: 0.4}, army_cap: {triangular: [-1e308, 0, 1e308]}}")),
        path: "parties[0] (us).values.army_cap.triangular[0]", mentions: "out of range", "from -10^15 to 10^15"),
    BrokenScenario(
        "deadline of 1e308 rounds",
        smallScenario(header: "accord: 1\nname: Small\nprotocol:\n  deadline: {rounds: 1e308}"),
        path: "protocol.deadline.rounds", mentions: "a whole number of rounds from 1 to 100000000", "found 1e+308"),
]

@Suite struct NumberDomainTests {
    @Test(arguments: outOfDomainNumbers)
    func outOfDomainNumberIsOneProblemNamingTheRange(_ broken: BrokenScenario) throws {
        let found = problems(in: broken.text)
        let problem = try #require(
            found.first { $0.path == broken.path }, "no problem at \(broken.path); found: \(found.map(\.description))")
        for fragment in broken.fragments {
            #expect(problem.message.contains(fragment), "'\(problem.message)' does not mention '\(fragment)'")
        }
        #expect(!problem.message.contains("\n"))
    }

    @Test func aLongValueIsEchoedCut() throws {
        let long = String(repeating: "9", count: 20_000) + "x"
        let found = problems(in: smallScenario(issues: issues(armyCap: "range: [400, 900]\n    step: \(long)")))
        let problem = try #require(found.first { $0.path == "issues[1] (army_cap).step" })
        #expect(problem.message.contains("9999…'"))
        #expect(problem.message.count < 100, "\(problem.message)")
    }

    @Test func aNumberFarOffAnIntegerGridHasNoLevel() {
        let issue = Issue(id: "n", kind: .integer(lower: 0, upper: 0, step: 1))
        #expect(issue.level(ofNumber: 0.7e38) == nil)
        #expect(issue.level(ofNumber: -1e308) == nil)
        #expect(issue.level(ofNumber: 0) == 0)
    }

    @Test func fixedIsTotal() {
        #expect(fixed(1e308) == "1e+308")
        #expect(fixed(-1e308) == "-1e+308")
        #expect(fixed(.nan) == "nan")
        #expect(fixed(-.infinity) == "-inf")
        #expect(fixed(9.3e18, 0) == "9.3e+18")
        #expect(fixed(-0.5, 3) == "-0.500")
        #expect(fixed(123.4567, 2) == "123.46")
    }
}
