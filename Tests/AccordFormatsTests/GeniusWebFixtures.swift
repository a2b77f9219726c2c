import AccordCore
import AccordFormats
import Foundation

/// Small hand-written GeniusWeb files, each showing one rule of the format.
enum GeniusWebFixtures {
    /// The jobs domain of GeniusWeb's own examples: six discrete issues, 2·2·3·3·5·3 = 540 outcomes.
    static let jobsDomain = """
        {"name": "jobs", "issuesValues": {
          "lease car": {"values": ["yes", "no"]},
          "permanent contract": {"values": ["yes", "no"]},
          "career development opportunities": {"values": ["low", "medium", "high"]},
          "fte": {"values": ["0.6", "0.8", "1.0"]},
          "salary": {"values": ["2000", "2500", "3000", "3500", "4000"]},
          "work from home": {"values": ["0", "1", "2"]}}}
        """

    /// The jobs profile in the newer dialect (`DiscreteValueSetUtilities`), with the weights of the GeniusWeb check:
    /// lease car .06, permanent contract .16, career development .04, fte .32, salary .24, work from home .18.
    static let jobsProfile = """
        {"LinearAdditiveUtilitySpace": {
          "issueUtilities": {
            "lease car": {"DiscreteValueSetUtilities": {"valueUtilities": {"no": 0, "yes": 1}}},
            "permanent contract": {"DiscreteValueSetUtilities": {"valueUtilities": {"no": 0, "yes": 1}}},
            "career development opportunities":
              {"DiscreteValueSetUtilities": {"valueUtilities": {"high": 1, "low": 0, "medium": 0.5}}},
            "fte": {"DiscreteValueSetUtilities": {"valueUtilities": {"1.0": 0.75, "0.6": 0.25, "0.8": 0.5}}},
            "salary": {"DiscreteValueSetUtilities":
              {"valueUtilities": {"4000": 1, "2500": 0.25, "3500": 0.75, "2000": 0, "3000": 0.3}}},
            "work from home": {"DiscreteValueSetUtilities":
              {"valueUtilities": {"1": 0.5, "2": 0.666666666666, "0": 0.333333333}}}},
          "issueWeights": {"lease car": 0.06, "permanent contract": 0.16, "career development opportunities": 0.04,
                           "fte": 0.32, "salary": 0.24, "work from home": 0.18},
          "domain": \(jobsDomain),
          "name": "jobs1",
          "reservationBid": null}}
        """

    /// ``jobsProfile`` in the older dialect (`discreteutils`), with a reservation bid.
    static let jobsProfileOldDialect =
        jobsProfile
        .replacingOccurrences(of: "DiscreteValueSetUtilities", with: "discreteutils")
        .replacingOccurrences(
            of: "\"reservationBid\": null",
            with: """
                "reservationBid": {"issuevalues": {"lease car": "no", "permanent contract": "yes",
                  "career development opportunities": "medium", "fte": "0.6", "salary": "3000", "work from home": "2"}}
                """)

    /// The bid of the GeniusWeb check, whose per-issue utilities are 1, 1, 0, 0.5, 0.25, 0.5: utility 0.53.
    static let jobsCheckBid = [
        "lease car": "yes", "permanent contract": "yes", "career development opportunities": "low", "fte": "0.8",
        "salary": "2500", "work from home": "1",
    ]

    /// A domain with number ranges in both forms: `hours` 0…3 step 1 (object form, integer), `rate` 12.2…12.6 step
    /// 0.3 (array form, real, not a whole number of steps: 12.2 and 12.5), and a discrete `place`.
    static let rangesDomain = """
        {"name": "ranges", "issuesValues": {
          "place": {"values": ["home", "office"]},
          "hours": {"range": {"low": 0, "high": 3, "step": 1}},
          "rate": {"range": [12.2, 12.6, 0.3]}}}
        """

    /// A profile of ``rangesDomain``: `hours` from 0 to 1 over 0…3 (GeniusWeb rounds 1/3 and 2/3 to 8 decimals),
    /// `rate` falling from 1 to 0.4 over 12.2…12.6 (so 12.5 is worth 1 − 0.6·0.3/0.4 = 0.55).
    static let rangesProfile = """
        {"LinearAdditiveUtilitySpace": {
          "issueUtilities": {
            "place": {"discreteutils": {"valueUtilities": {"home": 1, "office": 0.2}}},
            "hours": {"numberutils": {"lowValue": 0, "lowUtility": 0, "highValue": 3, "highUtility": 1}},
            "rate": {"NumberValueSetUtilities": {"lowValue": 12.2, "lowUtility": 1, "highValue": 12.6,
                                                 "highUtility": 0.4}}},
          "issueWeights": {"place": 0.5, "hours": 0.3, "rate": 0.2},
          "name": "worker",
          "reservationBid": {"issuevalues": {"place": "office", "hours": 1, "rate": 12.5}}}}
        """

    /// A second profile of ``rangesDomain``, embedding the domain, with the opposite preferences.
    static let rangesBoss = """
        {"LinearAdditiveUtilitySpace": {
          "issueUtilities": {
            "place": {"DiscreteValueSetUtilities": {"valueUtilities": {"home": 0, "office": 1}}},
            "hours": {"NumberValueSetUtilities": {"lowValue": 0, "lowUtility": 1, "highValue": 3, "highUtility": 0.25}},
            "rate": {"NumberValueSetUtilities": {"lowValue": 12.2, "lowUtility": 0, "highValue": 12.6,
                                                 "highUtility": 1}}},
          "issueWeights": {"place": 0.25, "hours": 0.25, "rate": 0.5},
          "domain": \(rangesDomain),
          "name": "boss"}}
        """

    static func document(_ file: String, _ text: String) -> GeniusWebDocument {
        GeniusWebDocument(file: file, text: text)
    }

    /// The jobs scenario with one profile.
    static func jobs(_ profile: String = jobsProfile) throws(GeniusWebImportError) -> Scenario {
        try GeniusWebImporter.scenario(
            domain: document("jobs.json", jobsDomain), profiles: [document("jobs1.json", profile)])
    }

    /// The ranges scenario: worker and boss.
    static func ranges() throws(GeniusWebImportError) -> Scenario {
        try GeniusWebImporter.scenario(
            domain: document("ranges.json", rangesDomain),
            profiles: [document("worker.json", rangesProfile), document("boss.json", rangesBoss)])
    }

    /// The outcome that picks these values (by option id) on the named issues.
    static func outcome(_ choices: [String: String], in scenario: Scenario) -> Outcome? {
        var levels: [Int] = []
        for issue in scenario.issues {
            guard let choice = choices[issue.id], let level = issue.level(matching: choice) else { return nil }
            levels.append(level)
        }
        return Outcome(levels: levels)
    }
}
