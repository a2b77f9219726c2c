import AccordCore
import AccordForecast
import AccordNegotiation
import Foundation

/// Builds a ``Scenario`` from a document tree, collecting every problem instead of stopping at the first.
struct ScenarioReader {
    var problems: [ScenarioProblem] = []
    var notes: [String] = []
    /// Every issue id the document declares, valid or not.
    var declaredIssueIDs: [String] = []
    /// Red-line conditions read so far, across parties (the engine holds at most 64).
    var redLineConditions = 0
    /// Uncertain values of the party being read.
    var uncertainValues: [PartyUncertainty.Value: Distribution] = [:]
    /// The scenario of the `forecast:` section, when the document has a valid one.
    var forecast: SpatialScenario?
    /// The `protocol:` section, once read.
    var simulation: SimulationSetup?

    /// The most levels one issue may have.
    static let maximumLevels = 1_000_000
    /// Intervals a real range is split into when the scenario gives no step.
    static let defaultRealIntervals = 10
    /// The most red-line conditions (all parties together) the analysis engine holds.
    static let maximumRedLineConditions = 64
    /// The largest magnitude of any number in a scenario (10^15): differences and products of two such numbers
    /// stay finite, and whole numbers convert to `Int` exactly.
    static let maximumMagnitude = 1e15
    /// The longest identifier (of an issue, option, party, agent…) in characters: ids are repeated in every result
    /// line and record, so a long one multiplies the output.
    static let maximumIdentifierLength = 256

    // MARK: Reporting and small readers

    mutating func problem(_ path: String, _ node: DocumentNode?, _ message: String) {
        problems.append(ScenarioProblem(path: path, line: node?.line, message: message))
    }

    mutating func mapping(_ node: DocumentNode?, _ path: String, required: Bool = true)
        -> [(key: String, value: DocumentNode)]?
    {
        guard let node, !isNull(node) else {
            if required { problem(path, node, "is missing; expected a mapping") }
            return nil
        }
        guard let entries = node.entries else {
            problem(path, node, "expected a mapping (key: value pairs), found \(node.kindName)")
            return nil
        }
        return entries
    }

    mutating func list(_ node: DocumentNode?, _ path: String, required: Bool = true) -> [DocumentNode]? {
        guard let node, !isNull(node) else {
            if required { problem(path, node, "is missing; expected a list") }
            return nil
        }
        guard let items = node.items else {
            problem(path, node, "expected a list, found \(node.kindName)")
            return nil
        }
        return items
    }

    mutating func string(_ node: DocumentNode?, _ path: String, required: Bool = true) -> String? {
        guard let node, !isNull(node) else {
            if required { problem(path, node, "is missing; expected text") }
            return nil
        }
        guard let text = node.scalar else {
            problem(path, node, "expected text, found \(node.kindName)")
            return nil
        }
        return text
    }

    mutating func identifier(_ node: DocumentNode?, _ path: String) -> String? {
        guard let text = string(node, path) else { return nil }
        let allowed = text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || "_-.".unicodeScalars.contains($0)
        }
        guard !text.isEmpty, allowed else {
            problem(path, node, "'\(Echo.cut(text))' is not a valid identifier; use letters, digits, '_', '-' and '.'")
            return nil
        }
        guard text.utf8.count <= Self.maximumIdentifierLength else {
            problem(
                path, node,
                "the identifier '\(Echo.cut(text))' is \(formatCount(Double(text.utf8.count))) characters long; "
                    + "an identifier has at most \(Self.maximumIdentifierLength)")
            return nil
        }
        return text
    }

    mutating func number(_ node: DocumentNode?, _ path: String, required: Bool = true) -> Double? {
        guard let node, !isNull(node) else {
            if required { problem(path, node, "is missing; expected a number") }
            return nil
        }
        guard let text = node.scalar, let value = Self.parseNumber(text), value.isFinite else {
            let found = node.scalar.map { "the value '\(excerpt($0))'" } ?? node.kindName
            problem(path, node, "expected a number, found \(found)")
            return nil
        }
        guard abs(value) <= Self.maximumMagnitude else {
            problem(
                path, node,
                "\(formatted(value)) is out of range; a number in a scenario is from -10^15 to 10^15")
            return nil
        }
        return value
    }

    /// A whole number in `range` (a count or a round); reports "expected \(expected), found …" otherwise.
    mutating func wholeNumber(_ node: DocumentNode?, _ path: String, in range: ClosedRange<Int>, expected: String)
        -> Int?
    {
        guard let node, !isNull(node) else { return nil }
        guard let text = node.scalar, let value = Self.parseNumber(text), value.isFinite else {
            let found = node.scalar.map { "the value '\(excerpt($0))'" } ?? node.kindName
            problem(path, node, "expected \(expected), found \(found)")
            return nil
        }
        guard value >= Double(range.lowerBound), value <= Double(range.upperBound), value == value.rounded() else {
            problem(path, node, "expected \(expected), found \(formatted(value))")
            return nil
        }
        return Int(value)
    }

    /// `text` cut to its first 40 characters with "…", for echoing a value in a problem.
    func excerpt(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(40)) + "…" : text
    }

    mutating func unit(_ node: DocumentNode?, _ path: String, required: Bool = true) -> Double? {
        guard let value = number(node, path, required: required) else { return nil }
        guard (0...1).contains(value) else {
            problem(
                path, node,
                "\(formatted(value)) is outside [0, 1]; values, weights' shares and reservations are on a 0–1 scale")
            return nil
        }
        return value
    }

    static func parseNumber(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")
        if let value = Double(trimmed) { return value }
        if trimmed.hasPrefix("+"), let value = Double(trimmed.dropFirst()) { return value }
        return nil
    }

    func isNull(_ node: DocumentNode) -> Bool {
        if case .null = node.value { return true }
        return false
    }

    mutating func rejectUnknownKeys(_ entries: [(key: String, value: DocumentNode)], _ path: String, allowed: [String])
    {
        for entry in entries where !allowed.contains(entry.key) {
            problem(
                path == "(document)" ? entry.key : "\(path).\(entry.key)", entry.value,
                "unknown key; expected one of: \(allowed.joined(separator: ", "))")
        }
    }

    func formatted(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// A computed number for a note (``noteNumber(_:)``).
    func rounded(_ value: Double) -> String { noteNumber(value) }

    /// The key path of a list item, named by its label when it has one: `parties[2] (e3)`, so that a reader need
    /// not count items from zero.
    func itemPath(_ list: String, _ index: Int, label: String?) -> String {
        guard let label, !label.isEmpty else { return "\(list)[\(index)]" }
        return "\(list)[\(index)] (\(Echo.cut(label)))"
    }

    /// The key path of a list item named by its `id` key, when it has one as text.
    func itemPath(_ list: String, _ index: Int, _ item: DocumentNode) -> String {
        itemPath(list, index, label: item["id"]?.scalar)
    }

    // MARK: The document

    mutating func read(_ root: DocumentNode) -> Scenario? {
        guard let top = mapping(root, "(document)") else { return nil }
        rejectUnknownKeys(
            top, "(document)",
            allowed: ["accord", "name", "description", "issues", "parties", "proposals", "forecast", "protocol"])
        if let version = string(root["accord"], "accord"), version != "1" {
            problem(
                "accord", root["accord"], "format version '\(version)' is not supported; this Accord reads version 1")
        }
        let name = string(root["name"], "name")
        let description = string(root["description"], "description", required: false)

        var issues: [Issue] = []
        declaredIssueIDs = (root["issues"]?.items ?? []).compactMap { $0["id"]?.scalar }
        if let items = list(root["issues"], "issues") {
            if items.isEmpty { problem("issues", root["issues"], "is empty; a scenario needs at least one issue") }
            for (index, item) in items.enumerated() {
                let path = itemPath("issues", index, item)
                if let issue = readIssue(item, path) {
                    if issues.contains(where: { $0.id == issue.id }) {
                        problem(
                            "\(path).id", item["id"],
                            "'\(issue.id)' is used by an earlier issue; ids must be unique")
                    } else {
                        issues.append(issue)
                    }
                }
            }
        }
        let space = OutcomeSpace(issues: issues)

        var parties: [Party] = []
        if let items = list(root["parties"], "parties") {
            if items.isEmpty { problem("parties", root["parties"], "is empty; a scenario needs at least one party") }
            for (index, item) in items.enumerated() {
                let path = itemPath("parties", index, item)
                if let party = readParty(item, path, space: space) {
                    if parties.contains(where: { $0.id == party.id }) {
                        problem(
                            "\(path).id", item["id"],
                            "'\(party.id)' is used by an earlier party; ids must be unique")
                    } else {
                        parties.append(party)
                    }
                }
            }
        }

        var proposals: [Proposal] = []
        if let items = list(root["proposals"], "proposals", required: false) {
            for (index, item) in items.enumerated() {
                let path = itemPath("proposals", index, item)
                if let proposal = readProposal(item, path, space: space) {
                    if proposals.contains(where: { $0.id == proposal.id }) {
                        problem(
                            "\(path).id", item["id"],
                            "'\(proposal.id)' is used by an earlier proposal; ids must be unique")
                    } else {
                        proposals.append(proposal)
                    }
                }
            }
        }
        if let section = root["forecast"], !isNull(section) {
            forecast = readForecast(section, "forecast", name: name)
        }
        if let section = root["protocol"], !isNull(section) {
            let declaredPartyIDs = (root["parties"]?.items ?? []).compactMap { $0["id"]?.scalar }
            simulation = readProtocol(section, "protocol", parties: declaredPartyIDs)
        }
        guard problems.isEmpty, let name else { return nil }
        return Scenario(
            name: name, description: description, issues: issues, parties: parties, proposals: proposals, notes: notes)
    }

    // MARK: Issues

    mutating func readIssue(_ node: DocumentNode, _ path: String) -> Issue? {
        guard let entries = mapping(node, path) else { return nil }
        rejectUnknownKeys(
            entries, path, allowed: ["id", "name", "description", "unit", "options", "range", "step", "type"])
        let id = identifier(node["id"], "\(path).id")
        let name = string(node["name"], "\(path).name", required: false)
        let description = string(node["description"], "\(path).description", required: false)
        let unit = string(node["unit"], "\(path).unit", required: false)
        let hasOptions = node["options"] != nil
        let hasRange = node["range"] != nil
        guard hasOptions != hasRange else {
            problem(
                path, node,
                hasOptions
                    ? "has both options and range; give one" : "needs either options (a list) or range ([low, high])")
            return nil
        }
        if hasOptions {
            guard let options = readOptions(node, path), let id else { return nil }
            return Issue(id: id, name: name, description: description, unit: unit, kind: .discrete(options))
        }
        guard let range = readRange(node, path), let id, let kind = rangeKind(range, node, path, id: id) else {
            return nil
        }
        let issue = Issue(id: id, name: name, description: description, unit: unit, kind: kind)
        if case .integer(let lower, let upper, let step) = kind, (upper - lower) % step != 0 {
            notes.append(
                "Issue '\(id)': the range [\(lower), \(upper)] is not a whole number of steps of \(step); its last level is \(issue.label(ofLevel: issue.levelCount - 1))."
            )
        }
        return issue
    }

    /// `options`: a list of options with distinct ids (`step` and `type` apply to ranges only).
    private mutating func readOptions(_ node: DocumentNode, _ path: String) -> [Option]? {
        for key in ["step", "type"] where node[key] != nil {
            problem("\(path).\(key)", node[key], "applies to a range, not to an issue with options")
        }
        guard let items = list(node["options"], "\(path).options") else { return nil }
        if items.isEmpty {
            problem("\(path).options", node["options"], "is empty; an issue needs at least one option")
        }
        var options: [Option] = []
        for (index, item) in items.enumerated() {
            let optionPath = itemPath("\(path).options", index, item)
            guard let option = readOption(item, optionPath) else { continue }
            if options.contains(where: { $0.id == option.id }) {
                problem(optionPath, item, "'\(option.id)' is used by an earlier option of this issue")
            } else {
                options.append(option)
            }
        }
        return options
    }

    /// `range: [low, high]` with its optional `step` and `type` (integer or real; integer when the bounds and step
    /// are whole numbers and no type is given).
    private mutating func readRange(_ node: DocumentNode, _ path: String) -> IssueRange? {
        guard let bounds = list(node["range"], "\(path).range") else { return nil }
        guard bounds.count == 2 else {
            problem("\(path).range", node["range"], "expected [low, high], found \(bounds.count) value(s)")
            return nil
        }
        guard let low = number(bounds[0], "\(path).range[0]"), let high = number(bounds[1], "\(path).range[1]") else {
            return nil
        }
        guard low <= high else {
            problem(
                "\(path).range", node["range"], "the low end \(formatted(low)) is above the high end \(formatted(high))"
            )
            return nil
        }
        let step = number(node["step"], "\(path).step", required: false)
        if let step, step <= 0 {
            problem("\(path).step", node["step"], "a step must be positive, found \(formatted(step))")
            return nil
        }
        let declared = string(node["type"], "\(path).type", required: false)
        if let declared, declared != "integer", declared != "real" {
            problem("\(path).type", node["type"], "expected 'integer' or 'real', found '\(declared)'")
            return nil
        }
        let integral = [low, high, step ?? 1].allSatisfy { $0 == $0.rounded() && abs($0) < 1e15 }
        if declared == "integer" && !integral {
            problem("\(path).range", node["range"], "an integer range needs whole-number bounds and step")
            return nil
        }
        return IssueRange(low: low, high: high, step: step, isReal: declared == "real" || !integral)
    }

    /// The kind of a range issue, with at most ``maximumLevels`` levels; a real range without a step is split into
    /// ``defaultRealIntervals`` steps, with a note.
    private mutating func rangeKind(_ range: IssueRange, _ node: DocumentNode, _ path: String, id: String)
        -> Issue.Kind?
    {
        let (low, high, step) = (range.low, range.high, range.step)
        let resolvedStep = step ?? (range.isReal && high > low ? (high - low) / Double(Self.defaultRealIntervals) : 1)
        let levels = (high - low) / resolvedStep
        if !(levels < Double(Self.maximumLevels)) {
            let size = levels.isFinite ? formatCount((levels + 1).rounded(.down)) : "more than 10^308"
            problem(
                "\(path).step", node["step"] ?? node["range"],
                "the range has \(size) levels, more than the \(formatCount(Double(Self.maximumLevels))) an issue may have; choose a coarser step"
            )
            return nil
        }
        guard range.isReal else { return .integer(lower: Int(low), upper: Int(high), step: Int(resolvedStep)) }
        if step == nil && high > low {
            notes.append(
                "Issue '\(id)' (a real range) has no step; it is enumerated in \(Self.defaultRealIntervals) equal steps of \(rounded(resolvedStep))."
            )
        }
        return .real(lower: low, upper: high, step: resolvedStep)
    }

    mutating func readOption(_ node: DocumentNode, _ path: String) -> Option? {
        if node.scalar != nil {
            guard let id = identifier(node, path) else { return nil }
            return Option(id: id)
        }
        guard let entries = mapping(node, path) else { return nil }
        rejectUnknownKeys(entries, path, allowed: ["id", "name", "description", "attributes", "available_until"])
        let id = identifier(node["id"], "\(path).id")
        let name = string(node["name"], "\(path).name", required: false)
        let description = string(node["description"], "\(path).description", required: false)
        var attributes: [Option.Attribute] = []
        if let pairs = mapping(node["attributes"], "\(path).attributes", required: false) {
            for pair in pairs {
                if let value = string(pair.value, "\(path).attributes.\(pair.key)") {
                    attributes.append(Option.Attribute(name: pair.key, value: value))
                }
            }
        }
        var expiry: Expiry?
        if let raw = node["available_until"] {
            expiry = readExpiry(raw, "\(path).available_until")
        }
        guard let id else { return nil }
        return Option(id: id, name: name, description: description, attributes: attributes, availableUntil: expiry)
    }

    mutating func readExpiry(_ node: DocumentNode, _ path: String) -> Expiry? {
        if let entries = node.entries {
            rejectUnknownKeys(entries, path, allowed: ["round", "date"])
            if entries.count != 1 {
                problem(path, node, "expected exactly one of {round: N} or {date: YYYY-MM-DD}")
                return nil
            }
        }
        if let round = node["round"] {
            let expected = "a round number (a whole number from 1 to \(Deadline.roundCap))"
            guard let value = wholeNumber(round, "\(path).round", in: 1...Deadline.roundCap, expected: expected)
            else { return nil }
            return .round(value)
        }
        if let date = node["date"] { return readDate(date, "\(path).date") }
        if let text = node.scalar {
            let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
            if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
                guard let value = Int(text), value >= 1, value <= Deadline.roundCap else {
                    problem(
                        path, node,
                        "expected a round number from 1 to \(Deadline.roundCap) or a date (YYYY-MM-DD), found '\(excerpt(text))'"
                    )
                    return nil
                }
                return .round(value)
            }
            return readDate(node, path)
        }
        problem(path, node, "expected a round number, a date (YYYY-MM-DD), {round: N} or {date: YYYY-MM-DD}")
        return nil
    }

    mutating func readDate(_ node: DocumentNode, _ path: String) -> Expiry? {
        guard let text = node.scalar else {
            problem(path, node, "expected a date (YYYY-MM-DD), found \(node.kindName)")
            return nil
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), year > 0,
            (1...12).contains(month), (1...31).contains(day)
        else {
            problem(path, node, "'\(text)' is not a date of the form YYYY-MM-DD")
            return nil
        }
        return .date(text)
    }
}

/// The bounds of a range issue as written, and whether it is real.
private struct IssueRange {
    var low: Double
    var high: Double
    var step: Double?
    var isReal: Bool
}
