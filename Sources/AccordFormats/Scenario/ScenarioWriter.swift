import AccordCore

/// Writes a scenario in Accord's own format, YAML or JSON (the schema of docs/scenario-format.md), such that
/// ``ScenarioLoader`` reads back the same issues, parties and utilities.
///
/// - Ids become identifiers (`^[A-Za-z0-9_.-]+$`): characters outside that set turn into `_`, clashes get a
///   suffix (`_2`), and the original string is kept as the `name` (GENIUS's `$100 Billion` becomes id
///   `_100_Billion`, name `$100 Billion`).
/// - Weights are written as the party's utility has them. When they do not sum to 1 (GENIUS weights used as written,
///   such as 0.99), the Accord reader would renormalise them, so they are normalised here with every issue's values
///   rescaled (see ``AdditiveParts/normalised(in:)``), which keeps every utility.
/// - Value functions keep their form (table, linear, triangular, piecewise, attributes); a numeric issue valued by a
///   table of levels (as imports produce when no formula reproduces the file's numbers bit for bit) is written as a
///   piecewise-linear function through every level, which gives the same values to within one unit in the last
///   place.
/// - Red lines, proposals, option attributes and expiry, uncertainty, discount and clout are written.
/// - Not written: the scenario's notes (the reader makes its own), and the `forecast:` and `protocol:` sections,
///   which a ``Scenario`` does not hold.
public enum ScenarioWriter {
    /// The scenario as one Accord YAML file, `<name>.yaml`.
    public static func yaml(_ scenario: Scenario) throws(ScenarioExportError) -> ScenarioExport {
        let (document, notes) = try self.document(scenario, format: "Accord YAML")
        let name = exportFileStem(scenario.name, fallback: "scenario") + ".yaml"
        return ScenarioExport(files: [.init(name: name, text: yamlText(document))], notes: notes)
    }

    /// The scenario as one Accord JSON file, `<name>.json`.
    public static func json(_ scenario: Scenario) throws(ScenarioExportError) -> ScenarioExport {
        let (document, notes) = try self.document(scenario, format: "Accord JSON")
        let name = exportFileStem(scenario.name, fallback: "scenario") + ".json"
        return ScenarioExport(files: [.init(name: name, text: document.serialized() + "\n")], notes: notes)
    }

    // MARK: The document

    typealias Member = JSONValue.Member

    static func document(_ scenario: Scenario, format: String) throws(ScenarioExportError) -> (JSONValue, [String]) {
        let space = scenario.space
        var notes: [String] = []
        let issueIds = identifiers(space.issues.map(\.id), fallback: "issue")
        let optionIds = space.issues.map { identifiers($0.options.map(\.id), fallback: "option") }
        var members: [Member] = [("accord", .int(1)), ("name", .string(scenario.name))]
        if let description = scenario.description { members.append(("description", .string(description))) }
        let issues = space.issues.indices.map { issueNode(space.issues[$0], id: issueIds[$0], options: optionIds[$0]) }
        members.append(("issues", .array(issues)))

        let partyIds = identifiers(scenario.parties.map(\.id), fallback: "party")
        var parties: [JSONValue] = []
        for (index, party) in scenario.parties.enumerated() {
            parties.append(
                try partyNode(
                    party, id: partyIds[index], space: space, issueIds: issueIds, optionIds: optionIds, format: format,
                    notes: &notes))
        }
        members.append(("parties", .array(parties)))
        if !scenario.proposals.isEmpty {
            members.append(("proposals", proposalsNode(scenario, issueIds: issueIds, optionIds: optionIds)))
        }
        return (.object(members), notes)
    }

    /// The proposals, each with its id, name, description and outcome (the labels of the issues it settles).
    static func proposalsNode(_ scenario: Scenario, issueIds: [String], optionIds: [[String]]) -> JSONValue {
        let proposalIds = identifiers(scenario.proposals.map(\.id), fallback: "proposal")
        let issues = scenario.space.issues
        return .array(
            scenario.proposals.enumerated().map { index, proposal in
                var fields: [Member] = [("id", .string(proposalIds[index]))]
                if proposal.name != proposalIds[index] { fields.append(("name", .string(proposal.name))) }
                if let description = proposal.description { fields.append(("description", .string(description))) }
                let outcome: [Member] = proposal.levels.enumerated().compactMap { issue, level in
                    level.map { (issueIds[issue], .string(label(issues[issue], $0, optionIds[issue]))) }
                }
                fields.append(("outcome", .object(outcome)))
                return .object(fields)
            })
    }

    /// Identifiers for the given strings: valid ones kept, others with `_` for each character outside
    /// `[A-Za-z0-9_.-]`, clashes suffixed `_2`, `_3`, ….
    static func identifiers(_ texts: [String], fallback: String) -> [String] {
        var used: Set<String> = []
        return texts.map { text in
            var id = String(
                text.unicodeScalars.map { scalar -> Character in
                    let allowed =
                        scalar.isASCII
                        && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                            || "_.-".unicodeScalars.contains(scalar))
                    return allowed ? Character(scalar) : "_"
                })
            if id.isEmpty { id = fallback }
            var candidate = id
            var copy = 2
            while used.contains(candidate) {
                candidate = "\(id)_\(copy)"
                copy += 1
            }
            used.insert(candidate)
            return candidate
        }
    }

    /// The text naming a level: the option's id, or the exact number.
    static func label(_ issue: Issue, _ level: Int, _ optionIds: [String]) -> String {
        issue.isNumeric ? exactLevelText(issue, level: level) : optionIds[level]
    }

    static func issueNode(_ issue: Issue, id: String, options: [String]) -> JSONValue {
        var fields: [Member] = [("id", .string(id))]
        if issue.name != id { fields.append(("name", .string(issue.name))) }
        if let description = issue.description { fields.append(("description", .string(description))) }
        if let unit = issue.unit { fields.append(("unit", .string(unit))) }
        switch issue.kind {
        case .discrete(let list):
            fields.append(("options", .array(zip(list, options).map(optionNode))))
        case .integer(let lower, let upper, let step):
            fields.append(("range", .array([.int(lower), .int(upper)])))
            if step != 1 { fields.append(("step", .int(step))) }
            fields.append(("type", .string("integer")))
        case .real(let lower, let upper, let step):
            fields.append(("range", .array([.plainNumber(lower), .plainNumber(upper)])))
            fields.append(("step", .plainNumber(step)))
            fields.append(("type", .string("real")))
        }
        return .object(fields)
    }

    /// An option: its id alone, or an object when it has a name, description, attributes or expiry.
    static func optionNode(_ option: Option, id: String) -> JSONValue {
        var parts: [Member] = [("id", .string(id))]
        if option.name != id { parts.append(("name", .string(option.name))) }
        if let description = option.description { parts.append(("description", .string(description))) }
        if !option.attributes.isEmpty {
            parts.append(("attributes", .object(option.attributes.map { ($0.name, .string($0.value)) })))
        }
        switch option.availableUntil {
        case .round(let round)?: parts.append(("available_until", .object([("round", .int(round))])))
        case .date(let date)?: parts.append(("available_until", .object([("date", .string(date))])))
        case nil: break
        }
        return parts.count == 1 ? .string(id) : .object(parts)
    }

    // MARK: Parties

    static func partyNode(
        _ party: Party, id: String, space: OutcomeSpace, issueIds: [String], optionIds: [[String]], format: String,
        notes: inout [String]
    ) throws(ScenarioExportError) -> JSONValue {
        let parts = try AdditiveParts(party, in: space, format: format)
        guard !parts.isCapped else {
            throw ScenarioExportError(
                format: format,
                message: "party '\(party.id)' has GENIUS's cap at 1 (its weights can make the sum pass 1), which "
                    + "the Accord format cannot express yet")
        }
        var fields: [Member] = [("id", .string(id))]
        if party.name != id { fields.append(("name", .string(party.name))) }
        let normalised = parts.normalised(in: space)
        let uncertainty = normalised == nil ? party.uncertainty.flatMap { $0.isEmpty ? nil : $0 } : nil
        if normalised != nil {
            notes.append(
                "Party '\(party.id)': the weights sum to \(formatNumber(parts.weights.reduce(0, +))); they are "
                    + "normalised to 1 and the values rescaled so that every utility is unchanged.")
            if let original = party.uncertainty, !original.isEmpty {
                notes.append("Party '\(party.id)': its uncertainty is left out (the nominal values are written).")
            }
        }

        if let distribution = uncertainty?.reservation {
            fields.append(("reservation", distributionNode(distribution)))
        } else if party.reservation != 0 {
            try checkUnit(party.reservation, "the reservation value of party '\(party.id)'", format: format)
            fields.append(("reservation", .plainNumber(party.reservation)))
        }
        if let discount = party.discount { fields.append(("discount", .plainNumber(discount))) }
        if party.clout != 1 { fields.append(("clout", .plainNumber(party.clout))) }

        let weights = normalised?.weights ?? uncertainty?.writtenWeights ?? parts.weights
        let weightMembers: [Member] = issueIds.indices.map { issue in
            (issueIds[issue], uncertainty?.weights[issue].map(distributionNode) ?? .plainNumber(weights[issue]))
        }
        fields.append(("weights", .object(weightMembers)))
        var values: [Member] = []
        for (index, issue) in space.issues.enumerated() {
            let node: JSONValue
            if let normalised {
                node = try levelsNode(
                    normalised.levelValues[index], issue: issue, options: optionIds[index], party: party, format: format
                )
            } else {
                node = try valueNode(
                    parts.values[index], issue: issue, index: index, options: optionIds[index], party: party,
                    uncertainty: uncertainty, format: format)
            }
            values.append((issueIds[index], node))
        }
        fields.append(("values", .object(values)))
        if !party.redLines.isEmpty {
            let lines = party.redLines.map { redLineNode($0, space: space, issueIds: issueIds, optionIds: optionIds) }
            fields.append(("red_lines", .array(lines)))
        }
        return .object(fields)
    }

    /// A red line: its id and note, then its one condition's members, or `all` with every condition.
    static func redLineNode(_ line: RedLine, space: OutcomeSpace, issueIds: [String], optionIds: [[String]])
        -> JSONValue
    {
        var parts: [Member] = []
        if let id = line.id { parts.append(("id", .string(id))) }
        if let note = line.note { parts.append(("note", .string(note))) }
        let conditions = line.conditions.map {
            conditionMembers($0, space: space, issueIds: issueIds, optionIds: optionIds)
        }
        if conditions.count == 1 {
            parts += conditions[0]
        } else {
            parts.append(("all", .array(conditions.map(JSONValue.object))))
        }
        return .object(parts)
    }

    static func conditionMembers(
        _ condition: RedLine.Condition, space: OutcomeSpace, issueIds: [String], optionIds: [[String]]
    ) -> [Member] {
        let issue = space.issues[condition.issue]
        var members: [Member] = [("issue", .string(issueIds[condition.issue]))]
        let labels = { (levels: Set<Int>) -> JSONValue in
            .array(levels.sorted().map { .string(label(issue, $0, optionIds[condition.issue])) })
        }
        switch condition.test {
        case .levelIn(let levels): members.append(("forbid", labels(levels)))
        case .levelNotIn(let levels): members.append(("require", labels(levels)))
        case .outside(let minimum, let maximum):
            if let minimum { members.append(("min", .plainNumber(minimum))) }
            if let maximum { members.append(("max", .plainNumber(maximum))) }
        }
        return members
    }

    static func distributionNode(_ distribution: Distribution) -> JSONValue {
        switch distribution {
        case .uniform(let low, let high):
            return .object([("uniform", .array([.plainNumber(low), .plainNumber(high)]))])
        case .triangular(let low, let mode, let high):
            return .object([("triangular", .array([.plainNumber(low), .plainNumber(mode), .plainNumber(high)]))])
        case .normal(let mean, let sd):
            return .object([("normal", .object([("mean", .plainNumber(mean)), ("sd", .plainNumber(sd))]))])
        }
    }

    static func checkUnit(_ value: Double, _ what: String, format: String) throws(ScenarioExportError) {
        guard value >= 0, value <= 1 else {
            throw ScenarioExportError(format: format, message: "\(what) is \(value), outside the 0–1 scale it requires")
        }
    }

    /// A value function as the reader reads it.
    static func valueNode(
        _ function: ValueFunction, issue: Issue, index: Int, options: [String], party: Party,
        uncertainty: PartyUncertainty?, format: String
    ) throws(ScenarioExportError) -> JSONValue {
        let levels = (0..<issue.levelCount).map { function.value(atLevel: $0, of: issue) }
        if !issue.isNumeric {
            if case .attributes(let valuation) = function,
                let node = attributeNode(valuation, issue: issue, index: index, uncertainty: uncertainty)
            {
                return node
            }
            var entries: [Member] = []
            for (level, value) in levels.enumerated() {
                if let distribution = uncertainty?.values[.table(issue: index, option: level)] {
                    entries.append((options[level], distributionNode(distribution)))
                    continue
                }
                try checkUnit(
                    value, "party '\(party.id)''s value of option '\(issue.options[level].id)'", format: format)
                entries.append((options[level], .plainNumber(value)))
            }
            return .object(entries)
        }
        switch function {
        case .linear(let slope, let intercept):
            return .object([
                ("linear", .object([("slope", .plainNumber(slope)), ("intercept", .plainNumber(intercept))]))
            ])
        case .triangular(let low, let peak, let high) where low <= peak && peak <= high && low < high:
            return .object([("triangular", .array([.plainNumber(low), .plainNumber(peak), .plainNumber(high)]))])
        case .piecewise(let points)
        where !points.isEmpty && points.allSatisfy({ $0.value >= 0 && $0.value <= 1 })
            && zip(points, points.dropFirst()).allSatisfy({ $0.x < $1.x }):
            return .object([
                ("piecewise", .array(points.map { .array([.plainNumber($0.x), .plainNumber($0.value)]) }))
            ])
        default:
            return try levelsNode(levels, issue: issue, options: options, party: party, format: format)
        }
    }

    /// Values given level by level: a table for a discrete issue, a piecewise-linear function through every level
    /// for a numeric one.
    static func levelsNode(
        _ levels: [Double], issue: Issue, options: [String], party: Party, format: String
    ) throws(ScenarioExportError) -> JSONValue {
        for value in levels {
            try checkUnit(value, "a value of party '\(party.id)' on issue '\(issue.id)'", format: format)
        }
        if issue.isNumeric {
            return .object([
                (
                    "piecewise",
                    .array(
                        levels.enumerated().map { .array([.plainNumber(issue.number(atLevel: $0)), .plainNumber($1)]) })
                )
            ])
        }
        return .object(zip(options, levels).map { ($0, .plainNumber($1)) })
    }

    /// An attribute valuation, when the reader would accept it as written (every listed attribute carried, every
    /// listed value used by some option); `nil` otherwise (the caller writes the table of option values).
    static func attributeNode(
        _ valuation: AttributeValuation, issue: Issue, index: Int, uncertainty: PartyUncertainty?
    ) -> JSONValue? {
        guard !valuation.terms.isEmpty, valuation.terms.reduce(0, { $0 + $1.weight }) > 0 else { return nil }
        var attributes: [Member] = []
        for (termIndex, term) in valuation.terms.enumerated() {
            let used = Set(issue.options.compactMap { $0.attribute(term.attribute) })
            guard !used.isEmpty, Set(term.values.keys).isSubset(of: used),
                Set(attributes.map(\.key)).contains(term.attribute) == false,
                term.weight >= 0, term.values.values.allSatisfy({ $0 >= 0 && $0 <= 1 })
            else { return nil }
            let values = term.values.keys.sorted().map { key -> Member in
                if let distribution = uncertainty?.values[.attribute(issue: index, term: termIndex, value: key)] {
                    return (key, distributionNode(distribution))
                }
                return (key, .plainNumber(term.values[key] ?? 0))
            }
            attributes.append((term.attribute, .object(values)))
        }
        if issue.options.contains(where: { $0.id == "attributes" }) { return nil }
        return .object([
            ("attributes", .object(attributes)),
            ("weights", .object(valuation.terms.map { ($0.attribute, .plainNumber($0.weight)) })),
        ])
    }
}

// MARK: - YAML

extension ScenarioWriter {
    /// A document as block-style YAML: mappings one key per line, lists of mappings as `- ` items, lists of plain
    /// values in flow style (`[a, b]`); strings plain when unambiguous, otherwise double-quoted with JSON's escapes.
    static func yamlText(_ node: JSONValue) -> String {
        var lines: [String] = []
        if let members = node.members {
            appendMembers(members, indent: 0, to: &lines)
        } else {
            lines.append(flow(node))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func isFlow(_ node: JSONValue) -> Bool {
        switch node {
        case .object(let members): members.isEmpty
        case .array(let items): items.allSatisfy { isFlow($0) }
        default: true
        }
    }

    private static func flow(_ node: JSONValue) -> String {
        switch node {
        case .object: "{}"
        case .array(let items): "[" + items.map(flow).joined(separator: ", ") + "]"
        case .string(let text): yamlString(text)
        // Numbers, booleans and null: YAML reads JSON's scalars as the same values.
        case .null, .bool, .int, .number, .numberText: node.serialized()
        }
    }

    private static func appendMembers(_ members: [JSONValue.Member], indent: Int, to lines: inout [String]) {
        let pad = String(repeating: " ", count: indent)
        for member in members {
            let key = pad + yamlString(member.key) + ":"
            if isFlow(member.value) {
                lines.append(key + " " + flow(member.value))
            } else if case .object(let children) = member.value {
                lines.append(key)
                appendMembers(children, indent: indent + 2, to: &lines)
            } else if case .array(let items) = member.value {
                lines.append(key)
                appendItems(items, indent: indent + 2, to: &lines)
            }
        }
    }

    private static func appendItems(_ items: [JSONValue], indent: Int, to lines: inout [String]) {
        let pad = String(repeating: " ", count: indent)
        for item in items {
            if isFlow(item) {
                lines.append(pad + "- " + flow(item))
            } else if case .object(let members) = item {
                var nested: [String] = []
                appendMembers(members, indent: indent + 2, to: &nested)
                if let first = nested.first {
                    nested[0] = pad + "- " + first.dropFirst(indent + 2)
                }
                lines += nested
            } else if case .array(let children) = item {
                lines.append(pad + "-")
                appendItems(children, indent: indent + 2, to: &lines)
            }
        }
    }

    /// A string as a YAML scalar: plain when it is a simple word YAML cannot mistake for anything else, otherwise
    /// double-quoted.
    static func yamlString(_ text: String) -> String {
        let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "nan", "inf"]
        let simple =
            text.first.map { $0.isASCII && ($0.isLetter || $0 == "_") } == true
            && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) }
            && !reserved.contains(text.lowercased())
        return simple ? text : jsonQuoted(text)
    }
}
