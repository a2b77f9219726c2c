import AccordCore

extension ScenarioReader {
    // MARK: Parties

    mutating func readParty(_ node: DocumentNode, _ path: String, space: OutcomeSpace) -> Party? {
        guard let entries = mapping(node, path) else { return nil }
        rejectUnknownKeys(
            entries, path,
            allowed: [
                "id", "name", "description", "reservation", "discount", "clout", "weights", "values", "red_lines",
            ])
        let id = identifier(node["id"], "\(path).id")
        let name = string(node["name"], "\(path).name", required: false)
        uncertainValues = [:]
        let (reservation, reservationDistribution) =
            uncertainUnit(node["reservation"], "\(path).reservation", required: false) ?? (0, nil)
        let discount = readDiscount(node["discount"], path)
        let clout = readClout(node["clout"], path)
        let weights = readWeights(node, path, party: id ?? path, space: space)
        let values = readValues(node, path, weights: weights.weights, space: space)
        let redLines = readRedLines(node["red_lines"], path, space: space)
        guard let id, weights.isValid else { return nil }
        let uncertainty = PartyUncertainty(
            writtenWeights: weights.written, weights: weights.distributions, values: uncertainValues,
            reservation: reservationDistribution)
        return Party(
            id: id, name: name, utility: LinearAdditiveUtility(weights: weights.weights, values: values),
            reservation: reservation, discount: discount, redLines: redLines,
            uncertainty: uncertainty.isEmpty ? nil : uncertainty, clout: clout)
    }

    /// `discount`: a factor in (0, 1], or none.
    private mutating func readDiscount(_ raw: DocumentNode?, _ path: String) -> Double? {
        guard let raw, let value = number(raw, "\(path).discount") else { return nil }
        guard value > 0 && value <= 1 else {
            problem("\(path).discount", raw, "a discount factor must be in (0, 1], found \(formatted(value))")
            return nil
        }
        return value
    }

    /// `clout`: a positive number, 1 unless given.
    private mutating func readClout(_ node: DocumentNode?, _ path: String) -> Double {
        guard let value = number(node, "\(path).clout", required: false) else { return 1 }
        guard value > 0 else {
            problem("\(path).clout", node, "clout must be a positive number, found \(formatted(value))")
            return 1
        }
        return value
    }

    /// `weights`: issues left out weigh 0; a total other than 1 is normalised with a note.
    private mutating func readWeights(_ node: DocumentNode, _ path: String, party: String, space: OutcomeSpace)
        -> PartyWeights
    {
        var result = PartyWeights(weights: [Double](repeating: 0, count: space.issues.count))
        if let pairs = mapping(node["weights"], "\(path).weights") {
            for pair in pairs {
                if !readWeight(pair, path, space: space, into: &result) { result.isValid = false }
            }
        } else {
            result.isValid = false
        }
        result.written = result.weights
        let total = result.weights.reduce(0, +)
        guard result.isValid else { return result }
        if total <= 0 {
            problem(
                "\(path).weights", node["weights"], "every weight is 0; at least one issue must matter to the party")
            result.isValid = false
            return result
        }
        noteIssuesLeftOut(of: node, party: party, space: space)
        if abs(total - 1) > 1e-9 {
            notes.append("Party '\(party)': weights sum to \(rounded(total)), normalised to 1.")
            result.weights = result.weights.map { $0 / total }
        }
        return result
    }

    /// Notes every issue a party leaves out of its `weights`: it weighs 0, whether the party values it or not, so
    /// the party is indifferent to it (a weight written as 0 is a choice, and gets no note).
    private mutating func noteIssuesLeftOut(of node: DocumentNode, party: String, space: OutcomeSpace) {
        let weighed = Set((node["weights"]?.entries ?? []).map(\.key))
        let leftOut = space.issues.map(\.id).filter { !weighed.contains($0) }
        let valued = leftOut.filter { node["values"]?[$0] != nil }
        let unvalued = leftOut.filter { node["values"]?[$0] == nil }
        if !unvalued.isEmpty {
            let (issues, they) = Self.issueList(unvalued)
            notes.append(
                "Party '\(party)' leaves \(issues) out of its weights and values: \(they ? "they weigh" : "it weighs") 0 and \(they ? "do" : "does") not count for the party."
            )
        }
        if !valued.isEmpty {
            let (issues, they) = Self.issueList(valued)
            notes.append(
                "Party '\(party)' values \(issues) but leaves \(they ? "them" : "it") out of its weights: \(they ? "they weigh" : "it weighs") 0, so \(they ? "their" : "its") values do not count."
            )
        }
    }

    /// `issue 'a'`, or `issues 'a' and 'b'` / `issues 'a', 'b' and 'c'`; and whether there are several.
    static func issueList(_ ids: [String]) -> (text: String, isPlural: Bool) {
        let quoted = ids.map { "'\($0)'" }
        guard let last = quoted.last, quoted.count > 1 else { return ("issue \(quoted.first ?? "")", false) }
        return ("issues \(quoted.dropLast().joined(separator: ", ")) and \(last)", true)
    }

    /// One entry of `weights`: a number ≥ 0, or a distribution over one; `false` when it has a problem.
    private mutating func readWeight(
        _ pair: (key: String, value: DocumentNode), _ path: String, space: OutcomeSpace,
        into result: inout PartyWeights
    ) -> Bool {
        let weightPath = "\(path).weights.\(pair.key)"
        guard let issue = issueIndex(pair.key, weightPath, pair.value, space: space) else { return false }
        if let distribution = distribution(pair.value, weightPath) {
            guard let distribution else { return false }
            result.distributions[issue] = distribution
            result.weights[issue] = distribution.nominal
            return true
        }
        guard let weight = number(pair.value, weightPath) else { return false }
        guard weight >= 0 else {
            problem(weightPath, pair.value, "a weight cannot be negative, found \(formatted(weight))")
            return false
        }
        result.weights[issue] = weight
        return true
    }

    /// `values`: one value function per issue with a positive weight (an issue without one values every option 0).
    private mutating func readValues(_ node: DocumentNode, _ path: String, weights: [Double], space: OutcomeSpace)
        -> [ValueFunction]
    {
        var values: [ValueFunction] = []
        let valueNodes = mapping(node["values"], "\(path).values", required: weights.contains { $0 > 0 }) ?? []
        for entry in valueNodes where space.issueIndex(of: entry.key) == nil {
            _ = issueIndex(entry.key, "\(path).values.\(entry.key)", entry.value, space: space)
        }
        for (index, issue) in space.issues.enumerated() {
            let valuePath = "\(path).values.\(issue.id)"
            if let spec = valueNodes.first(where: { $0.key == issue.id })?.value {
                values.append(readValueFunction(spec, valuePath, issue: issue, index: index) ?? .table([]))
            } else {
                if weights[index] > 0 && node["values"] != nil {
                    problem(
                        valuePath, node["values"], "is missing; the party weighs issue '\(issue.id)' and must value it")
                }
                values.append(
                    issue.isNumeric
                        ? .linear(slope: 0, intercept: 0) : .table(Array(repeating: 0, count: issue.levelCount)))
            }
        }
        return values
    }

    /// `red_lines`: a list of red lines, with at most ``maximumRedLineConditions`` conditions in the whole document.
    private mutating func readRedLines(_ node: DocumentNode?, _ path: String, space: OutcomeSpace) -> [RedLine] {
        var redLines: [RedLine] = []
        guard let items = list(node, "\(path).red_lines", required: false) else { return redLines }
        for (index, item) in items.enumerated() {
            let linePath = itemPath("\(path).red_lines", index, item)
            guard let line = readRedLine(item, linePath, space: space) else { continue }
            redLines.append(line)
            redLineConditions += line.conditions.count
            if redLineConditions > Self.maximumRedLineConditions
                && redLineConditions - line.conditions.count <= Self.maximumRedLineConditions
            {
                problem(
                    linePath, item,
                    "the red lines have more than \(Self.maximumRedLineConditions) conditions in all, the most Accord supports"
                )
            }
        }
        return redLines
    }

    /// The position of an issue named in the document; reports a problem unless the issue was declared (an
    /// issue declared with problems of its own is not reported again at every reference).
    mutating func issueIndex(_ id: String, _ path: String, _ node: DocumentNode?, space: OutcomeSpace) -> Int? {
        if let index = space.issueIndex(of: id) { return index }
        if !declaredIssueIDs.contains(id) {
            problem(path, node, "there is no issue '\(Echo.cut(id))'; issues are: \(Echo.list(declaredIssueIDs))")
        }
        return nil
    }

    // MARK: Uncertain numbers

    /// A distribution written in place of a number: `{uniform: [a, b]}`, `{triangular: [low, mode, high]}` or
    /// `{normal: {mean: m, sd: s}}`. Returns `nil` when the node is not a distribution, `.some(nil)` when it is
    /// one with problems (reported).
    mutating func distribution(_ node: DocumentNode?, _ path: String) -> Distribution?? {
        guard let node, let entries = node.entries, entries.count == 1, let entry = entries.first,
            ["uniform", "triangular", "normal"].contains(entry.key)
        else { return nil }
        let specPath = "\(path).\(entry.key)"
        let result: Distribution?
        switch entry.key {
        case "uniform", "triangular":
            let arity = entry.key == "uniform" ? 2 : 3
            let shape = entry.key == "uniform" ? "[low, high]" : "[low, mode, high]"
            guard let items = list(entry.value, specPath) else { return .some(nil) }
            guard items.count == arity else {
                problem(specPath, entry.value, "expected \(shape), found \(items.count) value(s)")
                return .some(nil)
            }
            let numbers = items.enumerated().compactMap { number($1, "\(specPath)[\($0)]") }
            guard numbers.count == arity else { return .some(nil) }
            result =
                arity == 2
                ? .uniform(low: numbers[0], high: numbers[1])
                : .triangular(low: numbers[0], mode: numbers[1], high: numbers[2])
        default:
            guard let parts = mapping(entry.value, specPath) else { return .some(nil) }
            rejectUnknownKeys(parts, specPath, allowed: ["mean", "sd"])
            guard let mean = number(entry.value["mean"], "\(specPath).mean"),
                let sd = number(entry.value["sd"], "\(specPath).sd")
            else { return .some(nil) }
            result = .normal(mean: mean, sd: sd)
        }
        if let result, let issue = result.problem {
            problem(specPath, entry.value, issue)
            return .some(nil)
        }
        return .some(result)
    }

    /// A number in [0, 1], or a distribution over one (then its nominal value and the distribution).
    mutating func uncertainUnit(_ node: DocumentNode?, _ path: String, required: Bool = true)
        -> (Double, Distribution?)?
    {
        if let parsed = distribution(node, path) {
            guard let parsed else { return nil }
            return (parsed.nominal, parsed)
        }
        return unit(node, path, required: required).map { ($0, nil) }
    }

    // MARK: Value functions

    mutating func readValueFunction(_ node: DocumentNode, _ path: String, issue: Issue, index: Int) -> ValueFunction? {
        if issue.isNumeric {
            return readNumericValue(node, path, issue: issue)
        }
        guard let entries = mapping(node, path) else { return nil }
        let keys = Set(entries.map(\.key))
        if keys.contains("attributes") && keys.isSubset(of: ["attributes", "weights"])
            && !issue.options.contains(where: { $0.id == "attributes" })
        {
            return readAttributeValuation(node, path, issue: issue, index: index)
        }
        var table = [Double](repeating: 0, count: issue.options.count)
        var ok = true
        for entry in entries {
            guard let level = issue.options.firstIndex(where: { $0.id == entry.key }) else {
                problem(
                    "\(path).\(entry.key)", entry.value,
                    "issue '\(issue.id)' has no option '\(Echo.cut(entry.key))'; options are: \(Echo.list(issue.options.map(\.id)))"
                )
                ok = false
                continue
            }
            if let (value, distribution) = uncertainUnit(entry.value, "\(path).\(entry.key)") {
                table[level] = value
                if let distribution { uncertainValues[.table(issue: index, option: level)] = distribution }
            } else {
                ok = false
            }
        }
        let missing = issue.options.filter { option in !entries.contains { $0.key == option.id } }
        if !missing.isEmpty {
            problem(
                path, node,
                "gives no value for option(s) \(missing.map(\.id).joined(separator: ", ")); value every option (0 is allowed)"
            )
            ok = false
        }
        return ok ? .table(table) : nil
    }

    mutating func readAttributeValuation(_ node: DocumentNode, _ path: String, issue: Issue, index issueIndex: Int)
        -> ValueFunction?
    {
        guard let attributes = mapping(node["attributes"], "\(path).attributes") else { return nil }
        let known = Set(issue.options.flatMap { $0.attributes.map(\.name) })
        var terms: [AttributeValuation.Term] = []
        var ok = true
        for attribute in attributes {
            let attributePath = "\(path).attributes.\(attribute.key)"
            if !known.contains(attribute.key) {
                problem(
                    attributePath, attribute.value,
                    "no option of issue '\(issue.id)' has the attribute '\(attribute.key)'")
                ok = false
                continue
            }
            guard let pairs = mapping(attribute.value, attributePath) else {
                ok = false
                continue
            }
            let seen = Set(issue.options.compactMap { $0.attribute(attribute.key) })
            var values: [String: Double] = [:]
            for pair in pairs {
                if !seen.contains(pair.key) {
                    problem(
                        "\(attributePath).\(pair.key)", pair.value,
                        "no option has \(attribute.key) = '\(pair.key)'; values in use: \(seen.sorted().joined(separator: ", "))"
                    )
                    ok = false
                }
                if let (value, distribution) = uncertainUnit(pair.value, "\(attributePath).\(pair.key)") {
                    values[pair.key] = value
                    if let distribution {
                        uncertainValues[.attribute(issue: issueIndex, term: terms.count, value: pair.key)] =
                            distribution
                    }
                } else {
                    ok = false
                }
            }
            terms.append(AttributeValuation.Term(attribute: attribute.key, weight: 1, values: values))
        }
        if let weightNodes = mapping(node["weights"], "\(path).weights", required: false) {
            for index in terms.indices { terms[index].weight = 0 }
            for pair in weightNodes {
                guard let index = terms.firstIndex(where: { $0.attribute == pair.key }) else {
                    problem(
                        "\(path).weights.\(pair.key)", pair.value, "weighs an attribute the valuation does not value")
                    ok = false
                    continue
                }
                if let weight = number(pair.value, "\(path).weights.\(pair.key)"), weight >= 0 {
                    terms[index].weight = weight
                } else {
                    problem("\(path).weights.\(pair.key)", pair.value, "expected a non-negative number")
                    ok = false
                }
            }
        }
        let total = terms.reduce(0) { $0 + $1.weight }
        guard ok else { return nil }
        guard total > 0 else {
            problem(path, node, "the attribute weights are all 0")
            return nil
        }
        if abs(total - 1) > 1e-9 && node["weights"] != nil {
            notes.append("\(path): attribute weights sum to \(rounded(total)), normalised to 1.")
        }
        return .attributes(
            AttributeValuation(
                terms: terms.map { .init(attribute: $0.attribute, weight: $0.weight / total, values: $0.values) }))
    }

    mutating func readNumericValue(_ node: DocumentNode, _ path: String, issue: Issue) -> ValueFunction? {
        let (low, high) = (issue.number(atLevel: 0), issue.number(atLevel: max(0, issue.levelCount - 1)))
        func ramp(_ direction: String, _ at: DocumentNode) -> ValueFunction? {
            guard high > low else { return .linear(slope: 0, intercept: 1) }
            switch direction {
            case "increasing": return .linear(slope: 1 / (high - low), intercept: -low / (high - low))
            case "decreasing": return .linear(slope: -1 / (high - low), intercept: high / (high - low))
            default:
                problem(path, at, "expected 'increasing' or 'decreasing', found '\(direction)'")
                return nil
            }
        }
        if let text = node.scalar { return ramp(text, node) }
        guard let entries = mapping(node, path) else { return nil }
        guard entries.count == 1, let entry = entries.first else {
            problem(path, node, "expected exactly one of piecewise, linear, triangular")
            return nil
        }
        let specPath = "\(path).\(entry.key)"
        switch entry.key {
        case "linear":
            if let text = entry.value.scalar { return ramp(text, entry.value) }
            guard let parts = mapping(entry.value, specPath) else { return nil }
            rejectUnknownKeys(parts, specPath, allowed: ["slope", "intercept"])
            guard let slope = number(entry.value["slope"], "\(specPath).slope"),
                let intercept = number(entry.value["intercept"], "\(specPath).intercept")
            else { return nil }
            return .linear(slope: slope, intercept: intercept)
        case "triangular":
            guard let items = list(entry.value, specPath) else { return nil }
            guard items.count == 3 else {
                problem(specPath, entry.value, "expected [low, peak, high]")
                return nil
            }
            let numbers = items.enumerated().compactMap { number($1, "\(specPath)[\($0)]") }
            guard numbers.count == 3 else { return nil }
            guard numbers[0] <= numbers[1], numbers[1] <= numbers[2], numbers[0] < numbers[2] else {
                problem(specPath, entry.value, "expected low ≤ peak ≤ high with low < high")
                return nil
            }
            return .triangular(low: numbers[0], peak: numbers[1], high: numbers[2])
        case "piecewise":
            guard let items = list(entry.value, specPath) else { return nil }
            var points: [ValueFunction.Point] = []
            for (index, item) in items.enumerated() {
                let pointPath = "\(specPath)[\(index)]"
                guard let pair = list(item, pointPath) else { continue }
                guard pair.count == 2 else {
                    problem(pointPath, item, "expected a point [x, value]")
                    continue
                }
                guard let x = number(pair[0], "\(pointPath)[0]"), let value = unit(pair[1], "\(pointPath)[1]") else {
                    continue
                }
                if let last = points.last, x <= last.x {
                    problem(pointPath, item, "x = \(formatted(x)) does not increase; list points in increasing x")
                }
                points.append(.init(x: x, value: value))
            }
            guard !points.isEmpty else {
                problem(specPath, entry.value, "needs at least one point [x, value]")
                return nil
            }
            return .piecewise(points)
        default:
            problem(
                specPath, entry.value,
                "unknown value function; expected piecewise, linear or triangular (or 'increasing'/'decreasing')")
            return nil
        }
    }

    // MARK: Red lines

    mutating func readRedLine(_ node: DocumentNode, _ path: String, space: OutcomeSpace) -> RedLine? {
        guard let entries = mapping(node, path) else { return nil }
        let id = string(node["id"], "\(path).id", required: false)
        let note = string(node["note"], "\(path).note", required: false)
        if let all = node["all"] {
            rejectUnknownKeys(entries, path, allowed: ["id", "note", "all"])
            guard let items = list(all, "\(path).all") else { return nil }
            guard !items.isEmpty else {
                problem("\(path).all", all, "needs at least one condition")
                return nil
            }
            let conditions = items.enumerated().compactMap {
                readCondition($1, "\(path).all[\($0)]", space: space, nested: true)
            }
            guard conditions.count == items.count else { return nil }
            return RedLine(id: id, note: note, conditions: conditions)
        }
        rejectUnknownKeys(entries, path, allowed: ["id", "note", "issue", "forbid", "require", "min", "max"])
        guard let condition = readCondition(node, path, space: space) else { return nil }
        return RedLine(id: id, note: note, conditions: [condition])
    }

    mutating func readCondition(_ node: DocumentNode, _ path: String, space: OutcomeSpace, nested: Bool = false)
        -> RedLine.Condition?
    {
        guard let entries = mapping(node, path) else { return nil }
        if nested { rejectUnknownKeys(entries, path, allowed: ["issue", "forbid", "require", "min", "max"]) }
        guard let issueID = string(node["issue"], "\(path).issue") else { return nil }
        guard let index = issueIndex(issueID, "\(path).issue", node["issue"], space: space) else { return nil }
        let issue = space.issues[index]
        let forms = ["forbid", "require", "min", "max"].filter { node[$0] != nil }
        if forms.isEmpty || (forms.contains("forbid") || forms.contains("require")) && forms.count > 1 {
            problem(path, node, "expected exactly one of forbid: [...], require: [...], or min/max bounds")
            return nil
        }
        if forms == ["forbid"] || forms == ["require"] {
            let key = forms[0]
            guard let items = list(node[key], "\(path).\(key)") else { return nil }
            var levels = Set<Int>()
            for (position, item) in items.enumerated() {
                guard let text = string(item, "\(path).\(key)[\(position)]") else { continue }
                if let level = issue.level(matching: text) {
                    levels.insert(level)
                } else {
                    problem("\(path).\(key)[\(position)]", item, unknownLevelMessage(text, issue: issue))
                }
            }
            return key == "forbid"
                ? .init(issue: index, test: .levelIn(levels)) : .init(issue: index, test: .levelNotIn(levels))
        }
        guard issue.isNumeric else {
            problem(
                path, node, "min/max bounds apply to numeric issues; '\(issue.id)' has options, use forbid or require")
            return nil
        }
        let minimum = number(node["min"], "\(path).min", required: false)
        let maximum = number(node["max"], "\(path).max", required: false)
        if let minimum, let maximum, minimum > maximum {
            problem(path, node, "min \(formatted(minimum)) is above max \(formatted(maximum))")
            return nil
        }
        return .init(issue: index, test: .outside(min: minimum, max: maximum))
    }

    func unknownLevelMessage(_ text: String, issue: Issue) -> String {
        switch issue.kind {
        case .discrete(let options):
            return
                "issue '\(issue.id)' has no option '\(Echo.cut(text))'; options are: \(Echo.list(options.map(\.id)))"
        default:
            return
                "'\(text)' is not a level of issue '\(issue.id)' (\(issue.label(ofLevel: 0)) to \(issue.label(ofLevel: issue.levelCount - 1)) in steps of \(stepText(issue)))"
        }
    }

    func stepText(_ issue: Issue) -> String {
        switch issue.kind {
        case .integer(_, _, let step): String(step)
        case .real(_, _, let step): formatted(step)
        case .discrete: "1"
        }
    }

    // MARK: Proposals

    mutating func readProposal(_ node: DocumentNode, _ path: String, space: OutcomeSpace) -> Proposal? {
        guard let entries = mapping(node, path) else { return nil }
        rejectUnknownKeys(entries, path, allowed: ["id", "name", "description", "outcome"])
        let id = identifier(node["id"], "\(path).id")
        let name = string(node["name"], "\(path).name", required: false)
        let description = string(node["description"], "\(path).description", required: false)
        guard let pairs = mapping(node["outcome"], "\(path).outcome") else { return nil }
        guard let levels = readAssignment(pairs, "\(path).outcome", space: space) else { return nil }
        guard let id else { return nil }
        return Proposal(id: id, name: name, description: description, levels: levels)
    }

    /// Reads `{issue: level}` pairs into a (possibly partial) assignment.
    mutating func readAssignment(_ pairs: [(key: String, value: DocumentNode)], _ path: String, space: OutcomeSpace)
        -> [Int?]?
    {
        var levels = [Int?](repeating: nil, count: space.issues.count)
        var ok = true
        for pair in pairs {
            guard let index = issueIndex(pair.key, "\(path).\(pair.key)", pair.value, space: space) else {
                ok = false
                continue
            }
            guard let text = string(pair.value, "\(path).\(pair.key)") else {
                ok = false
                continue
            }
            guard let level = space.issues[index].level(matching: text) else {
                problem("\(path).\(pair.key)", pair.value, unknownLevelMessage(text, issue: space.issues[index]))
                ok = false
                continue
            }
            levels[index] = level
        }
        return ok ? levels : nil
    }
}

/// A party's weights as read: normalised, as written, their distributions, and whether they are usable.
struct PartyWeights {
    var weights: [Double]
    var written: [Double] = []
    var distributions: [Int: Distribution] = [:]
    var isValid = true
}
