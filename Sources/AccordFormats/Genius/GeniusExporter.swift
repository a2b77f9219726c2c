import AccordCore
import Foundation

/// Writes linear-additive scenarios as GENIUS XML: one domain file (`<negotiation_template>`) and one profile
/// (`<utility_space type="linear">`) per party, so that a scenario modelled in Accord can be run in GENIUS, and so
/// that importing the files with ``GeniusImporter`` gives back the same utility for every outcome.
///
/// What is written, with GENIUS's semantics (see ``GeniusImporter``):
///
/// - Issues are numbered 1, 2, … in scenario order; issue names and values are the scenario's names when they are
///   distinct, else its ids (an imported scenario keeps GENIUS's strings in both). Strings are written as they are,
///   since GENIUS decodes no entity (a value holding both `"` and `'` cannot be written).
/// - A discrete issue gets one `<item>` per option, evaluations the party's values. GENIUS divides evaluations by
///   the issue's largest one, so when that largest value m is not 1 the evaluations are divided by m and the
///   issue's weight multiplied by m (the products, and so the utilities, are unchanged up to rounding; a note says
///   so). An imported GENIUS scenario has m = 1 and is written back exactly.
/// - An integer issue with step 1 gets `lowerbound`/`upperbound` and, in each profile, a linear evaluator
///   `clamp01(slope·(x − lowerbound) + offset)`, when one reproduces the party's values bit for bit (the profile's
///   `lowerbound` is the domain's when possible, 0 otherwise — GENIUS shifts by the profile's bound).
/// - A real issue enumerated as GENIUS enumerates it (11 evenly spaced levels) gets a `linear` or `triangular`
///   evaluator when one reproduces the party's values bit for bit.
/// - Any other numeric issue (another step or grid, or values no GENIUS evaluator gives) becomes a discrete issue
///   whose values are the levels' numbers (a note says which).
/// - Weights as written (GENIUS does not renormalise; a party whose weights pass 1 keeps GENIUS's cap at 1);
///   `<reservation value>` always; `<discount_factor value>` when the party has one.
/// - Red lines, proposals, uncertainty (the nominal values are written), clout, descriptions and units have no
///   place in GENIUS files and are left out, with a note.
public enum GeniusExporter {
    /// The files for a scenario: `<name>.xml` (the domain, named so that importing it gives the scenario its name
    /// back), then `<party id>.xml` for each party.
    ///
    /// - Throws: ``ScenarioExportError`` when a party's utility is not linear additive or a string cannot be
    ///   written.
    public static func export(_ scenario: Scenario) throws(ScenarioExportError) -> ScenarioExport {
        let space = scenario.space
        var notes: [String] = []
        var parts: [AdditiveParts] = []
        for party in scenario.parties { parts.append(try AdditiveParts(party, in: space, format: format)) }
        let labels = ExportLabels(space: space, isWritable: isWritable)
        for label in labels.issues + labels.options.joined() where !isWritable(label) {
            throw ScenarioExportError(
                format: format, message: "the string \(label) holds both kinds of quotes (\" and ')")
        }

        // One form per issue, shared by every profile.
        var forms: [Form] = []
        var evaluators: [[Evaluator?]] = []  // [issue][party]
        for (index, issue) in space.issues.enumerated() {
            let functions = parts.map { $0.values[index] }
            let (form, perParty) = Self.form(of: issue, functions: functions, labels: labels.options[index])
            if case .discrete = form, issue.isNumeric {
                notes.append(
                    "Issue '\(issue.id)' is written as a discrete GENIUS issue whose values are its "
                        + "\(issue.levelCount) numbers: "
                        + (issue.levelCount == 1 ? "it has one level" : Self.reason(for: issue)) + ".")
            }
            forms.append(form)
            evaluators.append(perParty)
        }

        let name = isWritable(scenario.name) && !scenario.name.isEmpty ? scenario.name : "scenario"
        let domainName = exportFileStem(scenario.name, fallback: "scenario") + ".xml"
        var files = [
            ScenarioExport.File(name: domainName, text: domainXML(name: name, issues: labels.issues, forms: forms))
        ]
        let profileNames = distinctFileNames(
            scenario.parties.enumerated().map { exportFileStem($1.id, fallback: "party\($0 + 1)") }, extension: "xml",
            reserved: [domainName])
        for (partyIndex, party) in scenario.parties.enumerated() {
            var rescaled: [String] = []
            let text = profileXML(
                name: name, party: party, parts: parts[partyIndex], issueLabels: labels.issues, forms: forms,
                evaluators: evaluators.map { $0[partyIndex] }, space: space, rescaled: &rescaled)
            files.append(ScenarioExport.File(name: profileNames[partyIndex], text: text))
            if !rescaled.isEmpty {
                notes.append(
                    "Party '\(party.id)': on issue(s) \(rescaled.joined(separator: ", ")) the best value is below 1, "
                        + "and GENIUS divides evaluations by the largest one; the evaluations are written divided by "
                        + "it and the weight multiplied by it, which keeps every utility (to rounding).")
            }
            notes.append(contentsOf: droppedFeatures(of: party, in: space))
        }
        if !scenario.proposals.isEmpty {
            notes.append(
                "The \(scenario.proposals.count) proposal(s) are not written: GENIUS files have no place for them.")
        }
        return ScenarioExport(files: files, notes: notes)
    }

    static let format = "GENIUS"

    /// Whether GENIUS's reader can hold the string in a quoted attribute (it decodes no entity).
    static func isWritable(_ text: String) -> Bool {
        !(text.contains("\"") && text.contains("'"))
    }

    // MARK: Issue forms

    /// How an issue is written in the domain.
    enum Form {
        case discrete([String])
        case integer(lower: Int, upper: Int)
        case real(lower: Double, upper: Double)
    }

    /// A party's evaluator on a numeric issue written as numeric.
    enum Evaluator {
        case integer(lowerBound: Int, slope: Double, offset: Double)
        case linear(parameter0: Double, parameter1: Double)
        case triangular(low: Double, high: Double, top: Double)
    }

    /// The form of an issue and, when numeric, each party's evaluator.
    static func form(of issue: Issue, functions: [ValueFunction], labels: [String]) -> (Form, [Evaluator?]) {
        let discrete = (0..<issue.levelCount).map { exactLevelText(issue, level: $0) }
        let none = [Evaluator?](repeating: nil, count: functions.count)
        switch issue.kind {
        case .discrete:
            return (.discrete(labels), none)
        case .integer(let lower, let upper, let step):
            guard step == 1, lower >= Int(Int32.min), upper <= Int(Int32.max), issue.levelCount > 1 else {
                return (.discrete(discrete), none)
            }
            let evaluators = functions.map { integerEvaluator(for: $0, issue: issue, lower: lower) }
            guard evaluators.allSatisfy({ $0 != nil }) else { return (.discrete(discrete), none) }
            return (.integer(lower: lower, upper: upper), evaluators)
        case .real(let lower, let upper, _):
            guard issue.levelCount > 1, hasGeniusGrid(issue, lower: lower, upper: upper) else {
                return (.discrete(discrete), none)
            }
            let evaluators = functions.map { realEvaluator(for: $0, issue: issue) }
            guard evaluators.allSatisfy({ $0 != nil }) else { return (.discrete(discrete), none) }
            return (.real(lower: lower, upper: upper), evaluators)
        }
    }

    /// Why a numeric issue is written as discrete, as a clause.
    static func reason(for issue: Issue) -> String {
        switch issue.kind {
        case .integer(_, _, let step) where step != 1:
            return "GENIUS integer issues have step 1, this one \(step)"
        case .real(let lower, let upper, _) where !hasGeniusGrid(issue, lower: lower, upper: upper):
            return "GENIUS enumerates a real issue on 11 evenly spaced levels, and this one has another grid"
        default:
            return "no GENIUS evaluator gives some party's values exactly"
        }
    }

    /// Whether importing a real issue [lower, upper] from GENIUS gives this issue's levels (11 evenly spaced).
    static func hasGeniusGrid(_ issue: Issue, lower: Double, upper: Double) -> Bool {
        let levels = GeniusImportOptions().realIssueLevels
        let step = upper > lower ? (upper - lower) / Double(max(1, levels - 1)) : 1
        let imported = Issue(id: issue.id, kind: .real(lower: lower, upper: upper, step: step))
        guard imported.levelCount == issue.levelCount else { return false }
        return (0..<issue.levelCount).allSatisfy { imported.number(atLevel: $0) == issue.number(atLevel: $0) }
    }

    /// A GENIUS integer evaluator that gives the function's values at every level bit for bit, if one is found.
    static func integerEvaluator(for function: ValueFunction, issue: Issue, lower: Int) -> Evaluator? {
        let values = (0..<issue.levelCount).map { function.value(atLevel: $0, of: issue) }
        var candidates: [(Int, Double, Double)] = []
        if case .linear(let slope, let intercept) = function {
            candidates += [
                (lower, slope, values[0]), (lower, slope, intercept + slope * Double(lower)), (0, slope, intercept),
            ]
        }
        candidates += fittedCandidates(values).map { (lower, $0.slope, $0.offset) }
        for (lowerBound, slope, offset) in candidates where slope.isFinite && offset.isFinite {
            let matches = values.indices.allSatisfy { level in
                GeniusEvaluation.integer(lower + level, lowerBound: lowerBound, slope: slope, offset: offset)
                    == values[level]
            }
            if matches { return .integer(lowerBound: lowerBound, slope: slope, offset: offset) }
        }
        return nil
    }

    /// Slopes and offsets that may have produced the values `clamp01(slope·i + offset)` at levels i = 0, 1, …:
    /// slopes through two levels (the first two inside (0, 1), the first and last inside, the first and last level),
    /// each also rounded to 1…17 significant digits, since GENIUS files write decimals (`slope="-0.15"`) that the
    /// values only approximate; offsets likewise.
    static func fittedCandidates(_ values: [Double]) -> [(slope: Double, offset: Double)] {
        guard values.count > 1 else { return values.map { (0, $0) } }
        let inside = values.indices.filter { values[$0] > 0 && values[$0] < 1 }
        var pairs = [(0, values.count - 1)]
        if let first = inside.first {
            if inside.count > 1 { pairs.append((first, inside[1])) }
            if let last = inside.last, last != first { pairs.append((first, last)) }
        }
        var seen: Set<[Double]> = []
        var candidates: [(slope: Double, offset: Double)] = []
        for (a, b) in pairs {
            let slope = (values[b] - values[a]) / Double(b - a)
            for s in shortDecimals(near: slope) {
                let offsets = shortDecimals(near: values[a] - s * Double(a)) + [values[0]]
                for o in offsets where seen.insert([s, o]).inserted { candidates.append((s, o)) }
            }
        }
        return candidates
    }

    /// The number and its roundings to 1…17 significant digits (the short decimals a file may have written).
    static func shortDecimals(near value: Double) -> [Double] {
        guard value.isFinite else { return [] }
        var result = [value]
        for digits in 1...17 {
            if let rounded = Double(String(format: "%.\(digits)g", value)), !result.contains(rounded) {
                result.append(rounded)
            }
        }
        return result
    }

    /// Triangular evaluators (low, high, top) that may have produced the values on a real issue: the ends and top
    /// extrapolated from the rising and falling slopes, and their short-decimal roundings.
    static func triangularCandidates(xs: [Double], values: [Double]) -> [Evaluator] {
        guard let peak = values.indices.max(by: { values[$0] < values[$1] }) else { return [] }
        var lows: [Double] = []
        var highs: [Double] = []
        var tops: [Double] = [xs[peak]]
        if let i = values.indices.dropLast().first(where: { $0 < peak && values[$0] > 0 && values[$0 + 1] > values[$0] }
        ) {
            let rise = (values[i + 1] - values[i]) / (xs[i + 1] - xs[i])
            let low = xs[i] - values[i] / rise
            lows = shortDecimals(near: low)
            tops += shortDecimals(near: low + 1 / rise)
        } else {
            lows = shortDecimals(near: xs[0])
        }
        if let j = values.indices.dropLast().last(where: {
            $0 >= peak && values[$0 + 1] > 0 && values[$0 + 1] < values[$0]
        }) {
            let fall = (values[j] - values[j + 1]) / (xs[j + 1] - xs[j])
            let high = xs[j + 1] + values[j + 1] / fall
            highs = shortDecimals(near: high)
            tops += shortDecimals(near: high - 1 / fall)
        } else {
            highs = shortDecimals(near: xs[xs.count - 1])
        }
        var candidates: [Evaluator] = []
        for low in lows.prefix(18) {
            for high in highs.prefix(18) {
                for top in Set(tops) where low <= top && top <= high {
                    candidates.append(.triangular(low: low, high: high, top: top))
                }
            }
        }
        return candidates
    }

    /// A GENIUS real evaluator (linear or triangular) that gives the function's values at every level bit for bit,
    /// if one is found.
    static func realEvaluator(for function: ValueFunction, issue: Issue) -> Evaluator? {
        let xs = (0..<issue.levelCount).map { issue.number(atLevel: $0) }
        let values = (0..<issue.levelCount).map { function.value(atLevel: $0, of: issue) }
        var candidates: [Evaluator] = []
        switch function {
        case .linear(let slope, let intercept): candidates.append(.linear(parameter0: intercept, parameter1: slope))
        case .triangular(let low, let peak, let high): candidates.append(.triangular(low: low, high: high, top: peak))
        default: break
        }
        if xs.count > 1, xs[1] != xs[0] {
            let slope = (values[1] - values[0]) / (xs[1] - xs[0])
            candidates.append(.linear(parameter0: values[0] - slope * xs[0], parameter1: slope))
        }
        if case .table = function { candidates += triangularCandidates(xs: xs, values: values) }
        for candidate in candidates {
            let matches = xs.indices.allSatisfy { level in
                switch candidate {
                case .linear(let p0, let p1):
                    return GeniusEvaluation.realLinear(xs[level], parameter0: p0, parameter1: p1) == values[level]
                case .triangular(let low, let high, let top):
                    return GeniusEvaluation.triangular(xs[level], low: low, high: high, top: top) == values[level]
                case .integer:
                    return false
                }
            }
            if matches { return candidate }
        }
        return nil
    }

    // MARK: XML

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"

    /// An attribute, quoted with `"` unless the value holds one (then `'`); no entity is encoded, as GENIUS decodes
    /// none.
    static func attribute(_ name: String, _ value: String) -> String {
        value.contains("\"") ? " \(name)='\(value)'" : " \(name)=\"\(value)\""
    }

    static func number(_ value: Double) -> String { jsonNumberText(value) }

    static func issueOpenTag(index: Int, name: String, form: Form) -> String {
        let type: String
        var extra = ""
        switch form {
        case .discrete: type = "discrete"
        case .integer(let lower, let upper):
            type = "integer"
            extra = attribute("lowerbound", String(lower)) + attribute("upperbound", String(upper))
        case .real: type = "real"
        }
        return "<issue" + attribute("index", String(index)) + attribute("name", name) + attribute("vtype", type)
            + attribute("type", type) + attribute("etype", type) + extra + ">"
    }

    static func domainXML(name: String, issues: [String], forms: [Form]) -> String {
        var xml = declaration + "<negotiation_template>\n"
        xml += "<utility_space" + attribute("number_of_issues", String(issues.count)) + ">\n"
        xml +=
            "<objective index=\"0\" description=\"\"" + attribute("name", name)
            + " type=\"objective\" etype=\"objective\">\n"
        for (index, (label, form)) in zip(issues, forms).enumerated() {
            xml += "  " + issueOpenTag(index: index + 1, name: label, form: form) + "\n"
            switch form {
            case .discrete(let values):
                for (item, value) in values.enumerated() {
                    xml += "    <item" + attribute("index", String(item + 1)) + attribute("value", value) + "/>\n"
                }
            case .integer: break
            case .real(let lower, let upper):
                xml +=
                    "    <range" + attribute("lowerbound", number(lower)) + attribute("upperbound", number(upper))
                    + "/>\n"
            }
            xml += "  </issue>\n"
        }
        xml += "</objective>\n</utility_space>\n</negotiation_template>\n"
        return xml
    }

    static func profileXML(
        name: String, party: Party, parts: AdditiveParts, issueLabels: [String], forms: [Form],
        evaluators: [Evaluator?], space: OutcomeSpace, rescaled: inout [String]
    ) -> String {
        var xml = declaration
        xml += "<utility_space type=\"linear\"" + attribute("number_of_issues", String(issueLabels.count)) + ">\n"
        xml +=
            "<objective index=\"0\" description=\"\"" + attribute("name", name)
            + " type=\"objective\" etype=\"objective\">\n"
        for (index, issue) in space.issues.enumerated() {
            var weight = parts.weights[index]
            let function = parts.values[index]
            var tag = issueOpenTag(index: index + 1, name: issueLabels[index], form: forms[index])
            var body = ""
            switch (forms[index], evaluators[index]) {
            case (.discrete(let values), _):
                var evaluations = (0..<issue.levelCount).map { function.value(atLevel: $0, of: issue) }
                let maximum = evaluations.max() ?? 0
                if maximum > 0, maximum != 1 {
                    evaluations = evaluations.map { $0 / maximum }
                    weight *= maximum
                    rescaled.append("'\(issue.id)'")
                }
                for (item, (value, evaluation)) in zip(values, evaluations).enumerated() {
                    body +=
                        "    <item" + attribute("index", String(item + 1)) + attribute("value", value)
                        + attribute("evaluation", number(evaluation)) + "/>\n"
                }
            case (.integer(_, let upper), .integer(let lowerBound, let slope, let offset)?):
                tag = issueOpenTag(
                    index: index + 1, name: issueLabels[index], form: .integer(lower: lowerBound, upper: upper))
                body +=
                    "    <evaluator ftype=\"linear\"" + attribute("slope", number(slope))
                    + attribute("offset", number(offset)) + "/>\n"
            case (.real(let lower, let upper), let evaluator?):
                body +=
                    "    <range" + attribute("lowerbound", number(lower)) + attribute("upperbound", number(upper))
                    + "/>\n"
                switch evaluator {
                case .linear(let p0, let p1):
                    body +=
                        "    <evaluator ftype=\"linear\"" + attribute("parameter0", number(p0))
                        + attribute("parameter1", number(p1)) + "/>\n"
                case .triangular(let low, let high, let top):
                    body +=
                        "    <evaluator ftype=\"triangular\"" + attribute("parameter0", number(low))
                        + attribute("parameter1", number(high)) + attribute("parameter2", number(top)) + "/>\n"
                case .integer: break
                }
            default:
                break  // `form(of:)` gives every numeric form an evaluator per party.
            }
            xml += "  " + tag + "\n" + body + "  </issue>\n"
            xml += "  <weight" + attribute("index", String(index + 1)) + attribute("value", number(weight)) + "/>\n"
        }
        xml += "</objective>\n"
        if let discount = party.discount { xml += "<discount_factor" + attribute("value", number(discount)) + "/>\n" }
        xml += "<reservation" + attribute("value", number(party.reservation)) + "/>\n"
        xml += "</utility_space>\n"
        return xml
    }

    /// Notes on what a party carries that GENIUS files cannot.
    static func droppedFeatures(of party: Party, in space: OutcomeSpace) -> [String] {
        var dropped: [String] = []
        if !party.redLines.isEmpty { dropped.append("\(party.redLines.count) red line(s)") }
        if let uncertainty = party.uncertainty, !uncertainty.isEmpty {
            dropped.append("its uncertainty (the nominal values are written)")
        }
        if party.clout != 1 { dropped.append("its clout") }
        guard !dropped.isEmpty else { return [] }
        return ["Party '\(party.id)': \(dropped.joined(separator: ", ")) left out; GENIUS profiles cannot express it."]
    }
}
