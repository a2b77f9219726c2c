import AccordCore
import Foundation

/// A GeniusWeb `LinearAdditiveUtilitySpace` profile, read in both dialects, with GeniusWeb's semantics.
///
/// ```json
/// {"LinearAdditiveUtilitySpace": {
///    "issueUtilities": {
///      "fte": {"DiscreteValueSetUtilities": {"valueUtilities": {"0.6": 0.25, "0.8": 0.5, "1.0": 0.75}}},
///      "salary": {"NumberValueSetUtilities":
///                   {"lowValue": 2000, "lowUtility": 0, "highValue": 4000, "highUtility": 1}}},
///    "issueWeights": {"fte": 0.4, "salary": 0.6},
///    "domain": {"name": "jobs", "issuesValues": {…}},
///    "name": "jobs1",
///    "reservationBid": {"issuevalues": {"fte": "0.6", "salary": 2500}}}}
/// ```
///
/// The older dialect writes `discreteutils` and `numberutils` for `DiscreteValueSetUtilities` and
/// `NumberValueSetUtilities`; both are read, even mixed in one file. The rules are those of GeniusWeb's constructor
/// and `getUtility`:
///
/// - the issues of `issueUtilities` and of `issueWeights` are exactly the domain's;
/// - a discrete issue values exactly the domain's values, each in [0, 1];
/// - a number issue's `lowValue` and `highValue` are its range's low and high, its utilities in [0, 1], and
///   `u(x) = lowUtility + round₈((highUtility − lowUtility)·(x − lowValue)/(highValue − lowValue))`, computed in exact
///   decimals and rounded half up to 8 decimal places (GeniusWeb's `BigDecimal.divide(…, 8, HALF_UP)`);
/// - the weights, non-negative, sum to 1 (GeniusWeb requires exactly 1; a sum within 10⁻⁶ of 1 is accepted with a
///   note, and the weights are used as written);
/// - `U(bid) = Σ weightᵢ·uᵢ(bid)`; an issue a bid leaves out contributes 0;
/// - the reservation value is the utility of `reservationBid`; no reservation bid (or `null`) means 0.
///
/// Numbers are read from their exact text: weights and discrete utilities are the doubles nearest to the written
/// decimals; number utilities are computed in decimal arithmetic first, then rounded once to a double.
package struct GeniusWebProfile: Sendable {
    /// The file the profile was read from.
    package var file: String
    /// The profile's `name`, if it gives one.
    package var name: String?
    /// The domain the profile embeds, if any.
    package var embeddedDomain: GeniusWebDomain?
    /// Remarks made while reading the file.
    package var notes: [String]

    private var utilitiesNode: JSONValue?
    private var weightsNode: JSONValue?
    private var reservationNode: JSONValue?
    private let base: JSONPath
    private var reader: GeniusWebReader { GeniusWebReader(file: file) }

    /// The key of the profile type Accord reads.
    package static let linearAdditive = "LinearAdditiveUtilitySpace"

    /// Reads a profile document (its own domain included, when it embeds one).
    package init(json root: JSONValue, file: String) throws(GeniusWebImportError) {
        self.file = file
        base = JSONPath.root.key(Self.linearAdditive)
        guard let members = root.members else {
            throw .notGeniusWeb(
                file: file, message: "not a GeniusWeb profile: the file holds \(root.kindDescription), not an object")
        }
        guard let space = root[Self.linearAdditive] else {
            if members.count == 1, let type = members.first?.key, members.first?.value.members != nil {
                throw .notGeniusWeb(
                    file: file,
                    message: "a GeniusWeb \(type) profile; Accord reads only LinearAdditiveUtilitySpace profiles")
            }
            throw .notGeniusWeb(
                file: file,
                message: "not a GeniusWeb profile: it has no \"\(Self.linearAdditive)\" key at the top level")
        }
        var notes: [String] = []
        for member in members where member.key != Self.linearAdditive {
            notes.append(
                "\(file): the top-level key \"\(member.key)\" is not part of a GeniusWeb profile and is ignored.")
        }
        let reader = GeniusWebReader(file: file)
        let fields = try reader.object(space, base, what: "an object")
        let known = ["issueUtilities", "issueWeights", "domain", "name", "reservationBid"]
        for member in fields where !known.contains(member.key) {
            notes.append("\(file): \(base.key(member.key)) is not part of a GeniusWeb profile and is ignored.")
        }
        if let node = space["name"], node != .null { name = try reader.string(node, base.key("name")) }
        if let node = space["domain"], node != .null {
            embeddedDomain = try GeniusWebDomain(json: node, at: base.key("domain"), reader: reader, notes: &notes)
        }
        utilitiesNode = space["issueUtilities"]
        weightsNode = space["issueWeights"]
        reservationNode = space["reservationBid"]
        self.notes = notes
    }

    /// The profile read against its domain.
    package struct Resolved: Sendable {
        /// One weight per domain issue, in domain order, as written.
        package var weights: [Double]
        /// One value function per domain issue.
        package var values: [ValueFunction]
        package var utility: LinearAdditiveUtility
        package var reservation: Double
        package var notes: [String]
    }

    /// Reads the weights, utilities and reservation bid against the domain the scenario uses.
    ///
    /// - Parameters:
    ///   - domain: the domain (the profile's own, or the domain file's, which must describe the same issues).
    ///   - issues: the domain's issues as Accord issues (``GeniusWebDomain/accordIssues()``).
    package func resolve(
        against domain: GeniusWebDomain, issues: [AccordCore.Issue]
    ) throws(GeniusWebImportError) -> Resolved {
        var notes = self.notes
        let utilitiesPath = base.key("issueUtilities")
        let weightsPath = base.key("issueWeights")
        let utilityEntries = try reader.object(utilitiesNode, utilitiesPath, what: "an object of issue utilities")
        let weightEntries = try reader.object(weightsNode, weightsPath, what: "an object of issue weights")
        try checkIssues(utilityEntries.map(\.key), at: utilitiesPath, domain: domain)
        try checkIssues(weightEntries.map(\.key), at: weightsPath, domain: domain)

        var weights: [Double] = []
        var weightSum: Decimal? = 0
        var values: [ValueFunction] = []
        for (issue, accordIssue) in zip(domain.issues, issues) {
            let weightPath = weightsPath.key(issue.name)
            let weightNode = weightEntries.first { $0.key == issue.name }?.value
            let weight = try reader.number(weightNode, weightPath)
            guard weight >= 0 else {
                throw reader.invalid(
                    weightPath, "is negative (\(geniusShown(try reader.numberText(weightNode, weightPath))))")
            }
            weights.append(weight)
            // The exact sum, when Foundation's Decimal holds every weight (38 digits); else the doubles' sum.
            if let exact = weightSum, let decimal = exactDecimal(try reader.numberText(weightNode, weightPath)) {
                weightSum = exact + decimal
            } else {
                weightSum = nil
            }
            let utilityNode = utilityEntries.first { $0.key == issue.name }?.value
            values.append(
                try valueFunction(
                    utilityNode, at: utilitiesPath.key(issue.name), issue: issue, accordIssue: accordIssue,
                    notes: &notes))
        }
        let total = weightSum?.nearestDouble ?? weights.reduce(0, +)
        let sumText = weightSum?.description ?? formatNumber(total)
        if weightSum != 1 {
            guard abs(total - 1) <= 1e-6 else {
                throw reader.invalid(
                    weightsPath, "sum to \(sumText); GeniusWeb requires the weights of a profile to sum to 1")
            }
            if weightSum != nil || abs(total - 1) > 1e-12 {
                notes.append(
                    "\(file): the weights sum to \(sumText), not exactly 1 as GeniusWeb requires; they are used as "
                        + "written.")
            }
        }
        let utility = LinearAdditiveUtility(weights: weights, values: values)
        let reservation = try reservationValue(domain: domain, issues: issues, utility: utility, notes: &notes)
        return Resolved(weights: weights, values: values, utility: utility, reservation: reservation, notes: notes)
    }

    /// Checks that the keys name exactly the domain's issues.
    private func checkIssues(_ keys: [String], at path: JSONPath, domain: GeniusWebDomain) throws(GeniusWebImportError)
    {
        for key in keys where domain.issue(named: key) == nil {
            throw reader.invalid(path.key(key), "is not an issue of the domain \"\(domain.name)\"")
        }
        let present = Set(keys)
        if let missing = domain.issues.first(where: { !present.contains($0.name) }) {
            throw reader.invalid(path, "gives nothing for issue \"\(missing.name)\" of the domain")
        }
    }

    /// The value function of one issue.
    private func valueFunction(
        _ node: JSONValue?, at path: JSONPath, issue: GeniusWebDomain.Issue, accordIssue: AccordCore.Issue,
        notes: inout [String]
    ) throws(GeniusWebImportError) -> ValueFunction {
        let members = try reader.object(node, path, what: "issue utilities")
        guard members.count == 1, let member = members.first else {
            throw reader.invalid(
                path,
                "has \(members.count) keys; expected one of DiscreteValueSetUtilities, NumberValueSetUtilities, "
                    + "discreteutils, numberutils")
        }
        let utilityPath = path.key(member.key)
        switch (member.key, issue.kind) {
        case ("DiscreteValueSetUtilities", .discrete(let domainValues)), ("discreteutils", .discrete(let domainValues)):
            return .table(try discreteValues(member.value, at: utilityPath, issue: issue.name, values: domainValues))
        case ("NumberValueSetUtilities", .number(let range)), ("numberutils", .number(let range)):
            return try numberValues(member.value, at: utilityPath, range: range, accordIssue: accordIssue)
        case ("DiscreteValueSetUtilities", .number), ("discreteutils", .number):
            throw reader.invalid(utilityPath, "values a discrete issue, but \"\(issue.name)\" is a number range")
        case ("NumberValueSetUtilities", .discrete), ("numberutils", .discrete):
            throw reader.invalid(utilityPath, "values a number range, but \"\(issue.name)\" is a discrete issue")
        default:
            throw reader.invalid(
                utilityPath,
                "is not a kind of issue utilities Accord reads; expected DiscreteValueSetUtilities, "
                    + "NumberValueSetUtilities, discreteutils or numberutils")
        }
    }

    /// `{"valueUtilities": {value: utility}}`: one utility in [0, 1] for exactly the domain's values.
    private func discreteValues(
        _ node: JSONValue, at path: JSONPath, issue: String, values domainValues: [String]
    ) throws(GeniusWebImportError) -> [Double] {
        let members = try reader.object(node, path, what: "an object with valueUtilities")
        for member in members where member.key != "valueUtilities" {
            throw reader.invalid(path.key(member.key), "is not a key of discrete utilities; expected valueUtilities")
        }
        let tablePath = path.key("valueUtilities")
        let entries = try reader.object(node["valueUtilities"], tablePath, what: "an object of value utilities")
        let known = Set(domainValues)
        for entry in entries where !known.contains(entry.key) {
            throw reader.invalid(tablePath.key(entry.key), "is not a value of issue \"\(issue)\" in the domain")
        }
        return try domainValues.map { value throws(GeniusWebImportError) in
            guard let entry = entries.first(where: { $0.key == value }) else {
                throw reader.invalid(tablePath, "gives no utility for the value \"\(value)\"")
            }
            return try reader.unit(entry.value, tablePath.key(value), what: "utilities")
        }
    }

    /// `{"lowValue", "lowUtility", "highValue", "highUtility"}`: GeniusWeb's linear interpolation, rounded to 8
    /// decimals, at every value of the range. A `linear` value function when it gives those values bit for bit,
    /// else the table of them.
    private func numberValues(
        _ node: JSONValue, at path: JSONPath, range: GeniusWebRange, accordIssue: AccordCore.Issue
    ) throws(GeniusWebImportError) -> ValueFunction {
        let members = try reader.object(node, path, what: "an object with lowValue, lowUtility, highValue, highUtility")
        let keys = ["lowValue", "lowUtility", "highValue", "highUtility"]
        for member in members where !keys.contains(member.key) {
            throw reader.invalid(
                path.key(member.key), "is not a key of number utilities; expected \(keys.joined(separator: ", "))")
        }
        let lowValue = try reader.decimal(node["lowValue"], path.key("lowValue"))
        let highValue = try reader.decimal(node["highValue"], path.key("highValue"))
        let lowUtility = try reader.decimal(node["lowUtility"], path.key("lowUtility"))
        let highUtility = try reader.decimal(node["highUtility"], path.key("highUtility"))
        for (key, value) in [("lowUtility", lowUtility), ("highUtility", highUtility)] where value < 0 || value > 1 {
            throw reader.invalid(path.key(key), "\(value) is outside [0, 1]; GeniusWeb requires utilities in [0, 1]")
        }
        guard highValue > lowValue else {
            throw reader.invalid(path, "has highValue \(highValue) not above lowValue \(lowValue)")
        }
        guard lowValue == range.low, highValue == range.high else {
            throw reader.invalid(
                path,
                "spans \(lowValue)…\(highValue) but the issue's range is \(range.low)…\(range.high); GeniusWeb "
                    + "requires lowValue and highValue to be the range's bounds")
        }
        let exact = (0..<range.count).map { index in
            GeniusWebEvaluation.number(
                range.value(at: index), lowValue: lowValue, lowUtility: lowUtility, highValue: highValue,
                highUtility: highUtility
            ).nearestDouble
        }
        let slope = ((highUtility - lowUtility) / (highValue - lowValue)).nearestDouble
        let intercept = (lowUtility - (highUtility - lowUtility) / (highValue - lowValue) * lowValue).nearestDouble
        let candidate = ValueFunction.linear(slope: slope, intercept: intercept)
        for (level, value) in exact.enumerated() where candidate.value(atLevel: level, of: accordIssue) != value {
            return .table(exact)
        }
        return candidate
    }

    /// The utility of `reservationBid`, or 0 without one.
    private func reservationValue(
        domain: GeniusWebDomain, issues: [AccordCore.Issue], utility: LinearAdditiveUtility, notes: inout [String]
    ) throws(GeniusWebImportError) -> Double {
        guard let node = reservationNode, node != .null else { return 0 }
        let path = base.key("reservationBid")
        let members = try reader.object(node, path, what: "a bid ({\"issuevalues\": {...}}) or null")
        for member in members where member.key != "issuevalues" {
            throw reader.invalid(path.key(member.key), "is not a key of a bid; expected issuevalues")
        }
        let valuesPath = path.key("issuevalues")
        let entries = try reader.object(node["issuevalues"], valuesPath, what: "an object of issue values")
        var levels = [Int?](repeating: nil, count: domain.issues.count)
        for entry in entries {
            let entryPath = valuesPath.key(entry.key)
            guard let index = domain.issue(named: entry.key) else {
                throw reader.invalid(entryPath, "is not an issue of the domain \"\(domain.name)\"")
            }
            levels[index] = try level(of: entry.value, at: entryPath, issue: domain.issues[index])
        }
        let space = OutcomeSpace(issues: issues)
        if levels.allSatisfy({ $0 != nil }) {
            return utility.utility(of: Outcome(levels: levels.compactMap { $0 }), in: space)
        }
        notes.append(
            "\(file): the reservation bid leaves out "
                + domain.issues.indices.filter { levels[$0] == nil }.map { "\"\(domain.issues[$0].name)\"" }.joined(
                    separator: ", ") + "; as in GeniusWeb, those issues contribute 0 to its utility.")
        var total = 0.0
        for (issue, level) in levels.enumerated() {
            guard let level else { continue }
            total += utility.weights[issue] * utility.value(ofLevel: level, onIssue: issue, in: space)
        }
        return total
    }

    /// The level a bid's value chooses: a string naming a discrete value, or a number on the range's grid.
    private func level(of node: JSONValue, at path: JSONPath, issue: GeniusWebDomain.Issue) throws(GeniusWebImportError)
        -> Int
    {
        switch issue.kind {
        case .discrete(let values):
            let value = try reader.string(node, path)
            guard let level = values.firstIndex(of: value) else {
                throw reader.invalid(path, "\"\(value)\" is not a value of issue \"\(issue.name)\"")
            }
            return level
        case .number(let range):
            let value = try reader.decimal(node, path)
            let offset = (value - range.low) / range.step
            guard value >= range.low, value <= range.last, offset == offset.floor else {
                throw reader.invalid(
                    path,
                    "\(value) is not a value of the range of issue \"\(issue.name)\" (\(range.low) to "
                        + "\(range.last) in steps of \(range.step))")
            }
            return NSDecimalNumber(decimal: offset).intValue
        }
    }
}

/// GeniusWeb's utility formulas, in its decimal arithmetic.
enum GeniusWebEvaluation {
    /// `NumberValueSetUtilities.getUtility`: 0 outside [lowValue, highValue], else
    /// `lowUtility + (highUtility − lowUtility)·(x − lowValue)/(highValue − lowValue)` with the quotient rounded half
    /// up to 8 decimals.
    static func number(
        _ x: Decimal, lowValue: Decimal, lowUtility: Decimal, highValue: Decimal, highUtility: Decimal
    ) -> Decimal {
        guard x >= lowValue, x <= highValue else { return 0 }
        let quotient = (highUtility - lowUtility) * (x - lowValue) / (highValue - lowValue)
        return lowUtility + quotient.roundedHalfUp(scale: 8)
    }
}
