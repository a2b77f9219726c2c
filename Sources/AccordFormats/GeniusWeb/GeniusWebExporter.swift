import AccordCore
import Foundation

/// Writes linear-additive scenarios as GeniusWeb JSON in the newer dialect: a domain file and one
/// `LinearAdditiveUtilitySpace` profile per party (each embedding the domain, as GeniusWeb does), so that importing
/// them with ``GeniusWebImporter`` gives back the same utility for every outcome.
///
/// What is written, with GeniusWeb's rules (see ``GeniusWebProfile``):
///
/// - Issue names and values are the scenario's names when distinct, else its ids; a value listed twice (GENIUS
///   allows it) is renamed `value (2)`, since GeniusWeb's values are distinct.
/// - A discrete issue gets `{"values": [...]}` and `DiscreteValueSetUtilities`.
/// - A numeric issue gets a number range `{"range": {"low", "high", "step"}}` and `NumberValueSetUtilities` when
///   GeniusWeb's grid is the issue's grid (every real level on `low + i·step`, ending at `high`) and, for every
///   party, GeniusWeb's linear interpolation (rounded to 8 decimals) gives the party's value at every level within
///   10⁻¹²: that is, when the value function is linear across the range. Otherwise the issue is discretised: a
///   discrete issue whose values are the levels' numbers, with each party's value for each (a note says which).
/// - Weights sum to exactly 1 in decimal, as GeniusWeb requires: when the shortest decimal forms of the weights do
///   not, the largest weight absorbs the difference (a change in the 16th decimal or beyond, noted). GENIUS weights
///   that do not sum to 1 are normalised with the values rescaled so that every utility is unchanged (noted).
/// - The reservation value becomes `reservationBid`: null for 0, else the outcome whose utility is nearest to it (a
///   note gives the difference when it is not exact), since GeniusWeb states reservation only as a bid.
/// - Profile and domain names are made simple (letters and digits), as GeniusWeb requires.
/// - Red lines, proposals, discount factors, uncertainty (the nominal values are written) and clout have no place in
///   GeniusWeb profiles and are left out, with a note. A party whose GENIUS cap at 1 binds cannot be written.
public enum GeniusWebExporter {
    /// The files for a scenario: `<name>.json` (the domain), then `<party id>.json` for each party.
    ///
    /// - Throws: ``ScenarioExportError`` when a party's utility is not linear additive (or is capped), or a value
    ///   lies outside [0, 1].
    public static func export(_ scenario: Scenario) throws(ScenarioExportError) -> ScenarioExport {
        let space = scenario.space
        var notes: [String] = []
        let (weights, levelValues) = try additiveValues(of: scenario, notes: &notes)
        let labels = ExportLabels(space: space)
        let issueLabels = distinctIssueLabels(labels.issues, notes: &notes)
        let forms = space.issues.indices.map { index in
            issueForm(
                space.issues[index], labels: labels.options[index], values: levelValues.map { $0[index] }, notes: &notes
            )
        }
        let domainName = simpleName(scenario.name, fallback: "domain")
        if domainName != scenario.name {
            notes.append("The domain is named \"\(domainName)\": GeniusWeb names are letters and digits only.")
        }
        let domain = domainJSON(name: domainName, issues: issueLabels, forms: forms)
        let domainFile = exportFileStem(scenario.name, fallback: "domain") + ".json"
        var files = [ScenarioExport.File(name: domainFile, text: domain.serialized() + "\n")]
        let profileFiles = distinctFileNames(
            scenario.parties.enumerated().map { exportFileStem($1.id, fallback: "party\($0 + 1)") }, extension: "json",
            reserved: [domainFile])
        let issues = IssuesWritten(labels: issueLabels, forms: forms, domain: domain)
        var usedNames: Set<String> = []
        for (partyIndex, party) in scenario.parties.enumerated() {
            var name = simpleName(party.id, fallback: "party\(partyIndex + 1)")
            while usedNames.contains(name) { name += "x" }
            usedNames.insert(name)
            if name != party.id {
                notes.append(
                    "Party '\(party.id)' is named \"\(name)\" in its profile: GeniusWeb names are letters and digits "
                        + "only.")
            }
            let profile = try profileJSON(
                party, name: name, in: space, issues: issues, weights: weights[partyIndex],
                levelValues: levelValues[partyIndex], notes: &notes)
            files.append(ScenarioExport.File(name: profileFiles[partyIndex], text: profile.serialized() + "\n"))
            notes.append(contentsOf: droppedFeatures(of: party))
        }
        if !scenario.proposals.isEmpty {
            notes.append(
                "The \(scenario.proposals.count) proposal(s) are not written: GeniusWeb files have no place for them.")
        }
        return ScenarioExport(files: files, notes: notes)
    }

    /// Each party's weights and its value of every level of every issue, normalised (with a note) when the weights
    /// do not sum to 1.
    ///
    /// - Throws: ``ScenarioExportError`` when a utility is not linear additive or is capped, or a value lies
    ///   outside [0, 1].
    static func additiveValues(of scenario: Scenario, notes: inout [String]) throws(ScenarioExportError) -> (
        weights: [[Double]], levelValues: [[[Double]]]
    ) {
        let space = scenario.space
        var weights: [[Double]] = []
        var levelValues: [[[Double]]] = []
        for party in scenario.parties {
            let parts = try AdditiveParts(party, in: space, format: format)
            guard !parts.isCapped else {
                throw ScenarioExportError(
                    format: format,
                    message: "party '\(party.id)' has GENIUS's cap at 1 (its weights can make the sum pass 1), which "
                        + "a GeniusWeb profile cannot express")
            }
            if let normalised = parts.normalised(in: space) {
                notes.append(
                    "Party '\(party.id)': the weights sum to \(formatNumber(parts.weights.reduce(0, +))); they are "
                        + "normalised to 1 and the values rescaled so that every utility is unchanged.")
                weights.append(normalised.weights)
                levelValues.append(normalised.levelValues)
            } else {
                weights.append(parts.weights)
                levelValues.append(parts.levelValues(in: space))
            }
            for (issue, values) in zip(space.issues, levelValues[levelValues.count - 1]) {
                if let value = values.first(where: { !($0 >= 0 && $0 <= 1) }) {
                    throw ScenarioExportError(
                        format: format,
                        message: "party '\(party.id)' values a level of issue '\(issue.id)' at \(value), outside the "
                            + "[0, 1] GeniusWeb requires")
                }
            }
        }
        return (weights, levelValues)
    }

    /// The issues' names, made distinct (with a note) as GeniusWeb requires.
    static func distinctIssueLabels(_ labels: [String], notes: inout [String]) -> [String] {
        guard Set(labels).count < labels.count else { return labels }
        let (distinct, renamed) = distinctValues(labels)
        for (name, copies) in renamed {
            notes.append(
                "Issues share the name \"\(name)\"; GeniusWeb issue names are distinct, so the later ones are named "
                    + copies.map { "\"\($0)\"" }.joined(separator: ", ") + ".")
        }
        return distinct
    }

    /// How an issue is written (see ``form(of:labels:values:)``), with its values made distinct and a note when they
    /// had to be or when a numeric issue is discretised.
    static func issueForm(_ issue: Issue, labels: [String], values: [[Double]], notes: inout [String]) -> Form {
        let form = form(of: issue, labels: labels, values: values)
        guard case .discrete(let names) = form else { return form }
        if Set(names).count < names.count {
            let (distinct, renamed) = distinctValues(names)
            for (value, copies) in renamed {
                notes.append(
                    "Issue '\(issue.id)' lists the value \"\(value)\" more than once; GeniusWeb values are distinct, so "
                        + "the copies are named " + copies.map { "\"\($0)\"" }.joined(separator: ", ") + ".")
            }
            return .discrete(distinct)
        }
        if issue.isNumeric {
            notes.append(
                "Issue '\(issue.id)' is discretised: written as a discrete GeniusWeb issue whose values are "
                    + "its \(issue.levelCount) numbers, since "
                    + (issue.levelCount < 2
                        ? "it has a single level"
                        : "GeniusWeb's number range and linear utilities cannot give its grid and every "
                            + "party's values") + ".")
        }
        return form
    }

    /// The issues as the files write them: their names, their forms, and the domain that every profile embeds.
    struct IssuesWritten {
        var labels: [String]
        var forms: [Form]
        var domain: JSONValue
    }

    /// A party's `LinearAdditiveUtilitySpace` profile.
    static func profileJSON(
        _ party: Party, name: String, in space: OutcomeSpace, issues: IssuesWritten, weights: [Double],
        levelValues: [[Double]], notes: inout [String]
    ) throws(ScenarioExportError) -> JSONValue {
        let (weightTexts, adjusted) = exactWeights(weights)
        if adjusted {
            notes.append(
                "Party '\(party.id)': a weight is changed in its last digits so that the weights sum to exactly "
                    + "1, as GeniusWeb requires.")
        }
        let reservation = try reservationBid(
            for: party, in: space, labels: issues.labels, forms: issues.forms, notes: &notes)
        let utilities: [JSONValue.Member] = issues.labels.indices.map {
            (issues.labels[$0], issueUtilities(issues.forms[$0], values: levelValues[$0]))
        }
        let weightMembers: [JSONValue.Member] = issues.labels.indices.map {
            (issues.labels[$0], .numberText(weightTexts[$0]))
        }
        return .object([
            (
                GeniusWebProfile.linearAdditive,
                .object([
                    ("issueUtilities", .object(utilities)),
                    ("issueWeights", .object(weightMembers)),
                    ("domain", issues.domain),
                    ("name", .string(name)),
                    ("reservationBid", reservation),
                ])
            )
        ])
    }

    static let format = "GeniusWeb"

    /// How an issue is written.
    enum Form {
        case discrete([String])
        case range(GeniusWebRange)
    }

    /// The values with every repeated one renamed `value (2)`, `value (3)`, … (skipping names in use), and the new
    /// names of each repeated value, in order.
    static func distinctValues(_ values: [String]) -> ([String], [(String, [String])]) {
        var used = Set(values)
        var seen: Set<String> = []
        var renamed: [(String, [String])] = []
        let distinct = values.map { value -> String in
            if seen.insert(value).inserted { return value }
            var copy = 2
            while used.contains("\(value) (\(copy))") { copy += 1 }
            let name = "\(value) (\(copy))"
            used.insert(name)
            if let index = renamed.firstIndex(where: { $0.0 == value }) {
                renamed[index].1.append(name)
            } else {
                renamed.append((value, [name]))
            }
            return name
        }
        return (distinct, renamed)
    }

    /// A number range when GeniusWeb's grid and linear utilities reproduce every party's values, else discrete.
    static func form(of issue: Issue, labels: [String], values: [[Double]]) -> Form {
        let numbers = (0..<issue.levelCount).map { exactLevelText(issue, level: $0) }
        let range: GeniusWebRange?
        switch issue.kind {
        case .discrete:
            return .discrete(labels)
        case .integer(let lower, _, let step):
            range = GeniusWebRange(
                low: Decimal(lower), high: Decimal(lower + (issue.levelCount - 1) * step), step: Decimal(step))
        case .real(let lower, let upper, let step):
            if let low = exactDecimal(jsonNumberText(lower)), let high = exactDecimal(jsonNumberText(upper)),
                let width = exactDecimal(jsonNumberText(step)), width > 0, high >= low
            {
                let candidate = GeniusWebRange(low: low, high: high, step: width)
                range = candidate.count == issue.levelCount && candidate.last == high ? candidate : nil
            } else {
                range = nil
            }
        }
        guard let range, range.count >= 2,
            values.allSatisfy({ isLinear($0, on: range) })
        else { return .discrete(numbers) }
        return .range(range)
    }

    /// Whether GeniusWeb's interpolation between the first and last values gives every value within 10⁻¹².
    static func isLinear(_ values: [Double], on range: GeniusWebRange) -> Bool {
        guard let first = values.first, let last = values.last,
            let low = exactDecimal(jsonNumberText(first)), let high = exactDecimal(jsonNumberText(last))
        else { return false }
        for (index, value) in values.enumerated() {
            let interpolated = GeniusWebEvaluation.number(
                range.value(at: index), lowValue: range.low, lowUtility: low, highValue: range.last, highUtility: high)
            if abs(interpolated.nearestDouble - value) > 1e-12 { return false }
        }
        return true
    }

    /// The domain: its name and every issue's values or number range.
    static func domainJSON(name: String, issues: [String], forms: [Form]) -> JSONValue {
        let values: [JSONValue.Member] = zip(issues, forms).map { label, form in
            switch form {
            case .discrete(let values): (label, .object([("values", .array(values.map(JSONValue.string)))]))
            case .range(let range):
                (
                    label,
                    .object([
                        (
                            "range",
                            .object([
                                ("low", .numberText(range.low.description)),
                                ("high", .numberText(range.last.description)),
                                ("step", .numberText(range.step.description)),
                            ])
                        )
                    ])
                )
            }
        }
        return .object([("name", .string(name)), ("issuesValues", .object(values))])
    }

    /// A party's utilities of one issue's values: a value-utility table, or the utilities at a range's two ends.
    static func issueUtilities(_ form: Form, values: [Double]) -> JSONValue {
        switch form {
        case .discrete(let labels):
            return .object([
                (
                    "DiscreteValueSetUtilities",
                    .object([
                        (
                            "valueUtilities",
                            .object(zip(labels, values).map { ($0, .plainNumber($1)) })
                        )
                    ])
                )
            ])
        case .range(let range):
            return .object([
                (
                    "NumberValueSetUtilities",
                    .object([
                        ("lowValue", .numberText(range.low.description)),
                        ("lowUtility", .plainNumber(values[0])),
                        ("highValue", .numberText(range.last.description)),
                        ("highUtility", .plainNumber(values[values.count - 1])),
                    ])
                )
            ])
        }
    }

    /// The weights as decimal texts summing to exactly 1: their shortest forms, with the largest weight taking up
    /// any difference. Also whether a weight had to change.
    static func exactWeights(_ weights: [Double]) -> ([String], Bool) {
        var texts = weights.map(jsonNumberText)
        let decimals = texts.map { exactDecimal($0) ?? 0 }
        let sum = decimals.reduce(Decimal(0), +)
        guard sum != 1, let largest = weights.indices.max(by: { weights[$0] < weights[$1] }) else {
            return (texts, false)
        }
        texts[largest] = (decimals[largest] + (1 - sum)).description
        return (texts, true)
    }

    /// A name of letters and digits only, as GeniusWeb requires of profile names.
    static func simpleName(_ text: String, fallback: String) -> String {
        let simple = String(
            text.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) })
        return simple.isEmpty ? fallback : simple
    }

    /// The reservation bid: null for a reservation value of 0, else the outcome whose utility is nearest to it.
    static func reservationBid(
        for party: Party, in space: OutcomeSpace, labels: [String], forms: [Form], notes: inout [String]
    ) throws(ScenarioExportError) -> JSONValue {
        guard party.reservation != 0 else { return .null }
        guard let table = party.utility.contributionTable(in: space) else {
            throw ScenarioExportError(format: format, message: "party '\(party.id)' has a non-additive utility")
        }
        let levels = nearestOutcome(to: party.reservation, contributions: table)
        let utility = party.utility.utility(of: Outcome(levels: levels), in: space)
        if abs(utility - party.reservation) > 1e-12 {
            notes.append(
                "Party '\(party.id)': GeniusWeb states a reservation value only as a bid; the reservation value "
                    + "\(party.reservation) becomes the bid with the nearest utility, \(utility).")
        }
        var members: [JSONValue.Member] = []
        for (index, level) in levels.enumerated() {
            switch forms[index] {
            case .discrete(let values): members.append((labels[index], .string(values[level])))
            case .range(let range):
                members.append((labels[index], .numberText(range.value(at: level).description)))
            }
        }
        return .object([("issuevalues", .object(members))])
    }

    /// Notes on what a party carries that GeniusWeb profiles cannot.
    static func droppedFeatures(of party: Party) -> [String] {
        var dropped: [String] = []
        if !party.redLines.isEmpty { dropped.append("\(party.redLines.count) red line(s)") }
        if party.discount != nil { dropped.append("its discount factor") }
        if let uncertainty = party.uncertainty, !uncertainty.isEmpty {
            dropped.append("its uncertainty (the nominal values are written)")
        }
        if party.clout != 1 { dropped.append("its clout") }
        guard !dropped.isEmpty else { return [] }
        return [
            "Party '\(party.id)': \(dropped.joined(separator: ", ")) left out; GeniusWeb profiles cannot express it."
        ]
    }
}
