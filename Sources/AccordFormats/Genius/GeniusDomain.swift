import AccordCore

/// A GENIUS domain: its issues in GENIUS's order, each with the `index` profiles refer to it by.
///
/// A domain file is `<negotiation_template>` holding a `<utility_space>`; a profile file (`<utility_space>` at the
/// root) describes the same issues, so it can serve as its own domain. Issues are listed in preorder of the
/// objective tree (the order GENIUS sums utilities in): an objective's issues, then its sub-objectives'.
package struct GeniusDomain: Sendable {
    /// One issue of the domain.
    package struct Issue: Sendable, Hashable {
        /// The `index` attribute, by which profiles match the issue (not necessarily from 1, not necessarily in
        /// order).
        package var index: Int
        /// The `name` attribute, byte-exact.
        package var name: String
        package var kind: Kind
        /// The line of the `<issue>` start tag.
        package var line: Int
    }

    /// What an issue offers.
    package enum Kind: Sendable, Hashable {
        /// The `value` of each `<item>`, byte-exact and in file order; a value listed twice is two choices, as in
        /// GENIUS.
        case discrete([String])
        /// Whole numbers from `lower` to `upper`.
        case integer(lower: Int, upper: Int)
        /// Real numbers from `lower` to `upper`.
        case real(lower: Double, upper: Double)

        var typeName: String {
            switch self {
            case .discrete: "discrete"
            case .integer: "integer"
            case .real: "real"
            }
        }
    }

    /// The file the domain was read from, for messages.
    package var file: String
    /// The issues, in preorder of the objective tree.
    package var issues: [Issue]

    /// Reads the domain described by a GENIUS document (a domain file or a profile file).
    package init(document root: GeniusXMLElement, file: String) throws(GeniusImportError) {
        self.file = file
        let space: GeniusXMLElement
        switch root.name {
        case "negotiation_template":
            guard let child = root.firstChild(named: "utility_space") else {
                throw .invalid(
                    file: file, line: root.line, element: root.tag,
                    message: "has no <utility_space> describing the issues")
            }
            space = child
        case "utility_space":
            space = root
        default:
            throw .notGenius(file: file, root: root.name, expected: "domain (<negotiation_template>)")
        }
        var issues: [Issue] = []
        let objectives = space.children(named: "objective")
        for objective in objectives.isEmpty ? [space] : objectives {
            try Self.collectIssues(in: objective, file: file, into: &issues)
        }
        guard !issues.isEmpty else {
            throw .invalid(file: file, line: space.line, element: space.tag, message: "describes no issue")
        }
        var seen: [Int: Issue] = [:]
        for issue in issues {
            if let first = seen[issue.index] {
                throw .invalid(
                    file: file, line: issue.line, element: "<issue name=\"\(issue.name)\">",
                    message:
                        "repeats index \(issue.index), already used by issue \"\(first.name)\" on line \(first.line)")
            }
            seen[issue.index] = issue
        }
        self.issues = issues
    }

    /// The position of the issue with a GENIUS index.
    package func position(ofIndex index: Int) -> Int? {
        issues.firstIndex { $0.index == index }
    }

    /// An objective's issues, then those of its sub-objectives (GENIUS's preorder).
    private static func collectIssues(
        in objective: GeniusXMLElement, file: String, into issues: inout [Issue]
    ) throws(GeniusImportError) {
        for element in objective.children(named: "issue") {
            issues.append(try issue(element, file: file))
        }
        for child in objective.children(named: "objective") {
            try collectIssues(in: child, file: file, into: &issues)
        }
    }

    private static func issue(_ element: GeniusXMLElement, file: String) throws(GeniusImportError) -> Issue {
        let reader = GeniusAttributeReader(element: element, file: file)
        let index = try reader.integer("index")
        guard let name = element[attribute: "name"] else {
            throw reader.invalid("has no name attribute")
        }
        let kind: Kind
        switch try reader.issueType() {
        case "discrete":
            let values = try element.children(named: "item").map { item throws(GeniusImportError) in
                guard let value = item[attribute: "value"] else {
                    throw GeniusImportError.invalid(
                        file: file, line: item.line, element: item.tag, message: "has no value attribute")
                }
                return value
            }
            guard !values.isEmpty else { throw reader.invalid("is a discrete issue with no <item>") }
            kind = .discrete(values)
        case "integer":
            let bounds = GeniusAttributeReader(element: element.firstChild(named: "range") ?? element, file: file)
            let lower = try bounds.integer("lowerbound")
            let upper = try bounds.integer("upperbound")
            guard lower <= upper else {
                throw reader.invalid("has lowerbound \(lower) above upperbound \(upper)")
            }
            guard upper - lower < GeniusImporter.maximumIssueLevels else {
                throw reader.invalid(
                    "has \(upper - lower + 1) values, more than the \(GeniusImporter.maximumIssueLevels) an issue "
                        + "may have")
            }
            kind = .integer(lower: lower, upper: upper)
        case "real":
            let bounds = GeniusAttributeReader(element: element.firstChild(named: "range") ?? element, file: file)
            let lower = try bounds.number("lowerbound")
            let upper = try bounds.number("upperbound")
            guard lower <= upper else {
                throw reader.invalid("has lowerbound \(lower) above upperbound \(upper)")
            }
            kind = .real(lower: lower, upper: upper)
        case let other:
            throw reader.invalid("has type \"\(other)\"; expected discrete, integer or real")
        }
        return Issue(index: index, name: name, kind: kind, line: element.line)
    }
}

extension GeniusDomain {
    /// The domain's issues as Accord issues, in the same order: option ids and issue ids are the GENIUS strings,
    /// byte-exact; a real issue is enumerated on `realLevels` evenly spaced levels from its lower to its upper bound.
    package func accordIssues(realLevels: Int) -> [AccordCore.Issue] {
        issues.map { issue in
            switch issue.kind {
            case .discrete(let values):
                return AccordCore.Issue(id: issue.name, kind: .discrete(values.map { Option(id: $0) }))
            case .integer(let lower, let upper):
                return AccordCore.Issue(id: issue.name, kind: .integer(lower: lower, upper: upper, step: 1))
            case .real(let lower, let upper):
                let step = upper > lower ? (upper - lower) / Double(max(1, realLevels - 1)) : 1
                return AccordCore.Issue(id: issue.name, kind: .real(lower: lower, upper: upper, step: step))
            }
        }
    }
}
