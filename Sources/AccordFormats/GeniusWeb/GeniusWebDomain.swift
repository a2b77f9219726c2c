import AccordCore
import Foundation

/// A GeniusWeb domain: `{"name": …, "issuesValues": {issue: valueSet}}`, its issues in file order.
///
/// A value set is discrete, `{"values": ["a", "b"]}` (strings, distinct), or a number range, `{"range": …}`, written
/// in the object form `{"low": 12.2, "high": 12.6, "step": 0.3}` (GeniusWeb 2 and its Python port) or the array
/// form `[low, high, step]`. A range holds `low + i·step` for every whole i ≥ 0 with the value at most `high`, in
/// exact decimal arithmetic (GeniusWeb's `BigDecimal`), so `{"low": 12.2, "high": 12.6, "step": 0.3}` holds 12.2 and
/// 12.5.
package struct GeniusWebDomain: Sendable, Hashable {
    /// One issue.
    package struct Issue: Sendable, Hashable {
        package var name: String
        package var kind: Kind
    }

    /// What an issue offers.
    package enum Kind: Sendable, Hashable {
        /// Named values, in file order.
        case discrete([String])
        /// A number range.
        case number(GeniusWebRange)
    }

    /// The domain's name (profiles name their domain too).
    package var name: String
    /// The issues, in file order.
    package var issues: [Issue]

    package init(name: String, issues: [Issue]) {
        self.name = name
        self.issues = issues
    }

    /// Reads a domain object (the whole domain file, or the `domain` of a profile).
    ///
    /// - Parameters:
    ///   - node: the domain object.
    ///   - path: where it sits in its file.
    ///   - reader: reads values of the file, for messages.
    ///   - notes: receives remarks on keys that are ignored.
    init(
        json node: JSONValue, at path: JSONPath, reader: GeniusWebReader, notes: inout [String]
    ) throws(GeniusWebImportError) {
        let members = try reader.object(node, path, what: "a GeniusWeb domain (an object with name and issuesValues)")
        for member in members where !["name", "issuesValues"].contains(member.key) {
            notes.append("\(reader.file): \(path.key(member.key)) is not part of a GeniusWeb domain and is ignored.")
        }
        name = try reader.string(node["name"], path.key("name"))
        let issuesPath = path.key("issuesValues")
        let entries = try reader.object(node["issuesValues"], issuesPath, what: "an object of issues")
        guard !entries.isEmpty else { throw reader.invalid(issuesPath, "is empty; a domain needs at least one issue") }
        var issues: [Issue] = []
        for entry in entries {
            let issuePath = issuesPath.key(entry.key)
            issues.append(Issue(name: entry.key, kind: try Self.kind(entry.value, issuePath, reader: reader)))
        }
        self.issues = issues
    }

    private static func kind(_ node: JSONValue, _ path: JSONPath, reader: GeniusWebReader) throws(GeniusWebImportError)
        -> Kind
    {
        let members = try reader.object(node, path, what: "a value set ({\"values\": [...]} or {\"range\": ...})")
        guard members.count == 1, let member = members.first, ["values", "range"].contains(member.key) else {
            throw reader.invalid(
                path,
                "has keys \(members.map { "\"\($0.key)\"" }.joined(separator: ", ")); a value set has exactly one "
                    + "key, \"values\" (discrete) or \"range\" (numbers)")
        }
        let valuePath = path.key(member.key)
        if member.key == "range" {
            return .number(try GeniusWebRange(json: member.value, at: valuePath, reader: reader))
        }
        guard case .array(let items) = member.value else {
            throw reader.invalid(valuePath, "is \(member.value.kindDescription); expected an array of strings")
        }
        guard !items.isEmpty else { throw reader.invalid(valuePath, "is empty; an issue needs at least one value") }
        var values: [String] = []
        var seen: Set<String> = []
        for (index, item) in items.enumerated() {
            let value = try reader.string(item, valuePath.index(index))
            guard seen.insert(value).inserted else {
                throw reader.invalid(valuePath.index(index), "repeats the value \"\(value)\"; values must be distinct")
            }
            values.append(value)
        }
        return .discrete(values)
    }

    /// The issue with this name.
    package func issue(named name: String) -> Int? {
        issues.firstIndex { $0.name == name }
    }

    /// The domain's issues as Accord issues, in the same order: issue ids and option ids are the GeniusWeb strings;
    /// a range whose bounds and step are whole numbers is an integer issue, any other a real one, both on exactly
    /// GeniusWeb's grid.
    package func accordIssues() -> [AccordCore.Issue] {
        issues.map { issue in
            switch issue.kind {
            case .discrete(let values):
                return AccordCore.Issue(id: issue.name, kind: .discrete(values.map { Option(id: $0) }))
            case .number(let range):
                return AccordCore.Issue(id: issue.name, kind: range.accordKind)
            }
        }
    }

    /// How this domain differs from another, in a clause (`nil` when the issues and values are the same; the order
    /// of the issues does not matter, as in GeniusWeb, nor does the name).
    package func difference(from other: GeniusWebDomain) -> String? {
        let mine = Set(issues.map(\.name))
        let theirs = Set(other.issues.map(\.name))
        if let missing = other.issues.first(where: { !mine.contains($0.name) }) {
            return "it has no issue \"\(missing.name)\""
        }
        if let extra = issues.first(where: { !theirs.contains($0.name) }) {
            return "it has an issue \"\(extra.name)\" that the other lacks"
        }
        for issue in issues {
            guard let index = other.issue(named: issue.name) else { continue }
            switch (issue.kind, other.issues[index].kind) {
            case (.discrete(let a), .discrete(let b)) where Set(a) == Set(b): continue
            case (.number(let a), .number(let b)) where a == b: continue
            default: return "the values of issue \"\(issue.name)\" differ"
            }
        }
        return nil
    }
}

/// A GeniusWeb number range: `low + i·step` for i = 0, 1, … while the value is at most `high`, in exact decimals.
package struct GeniusWebRange: Sendable, Hashable {
    package var low: Decimal
    package var high: Decimal
    package var step: Decimal
    /// How many values the range holds.
    package var count: Int

    /// The most values a range may hold (as for every Accord issue).
    package static let maximumCount = 1_000_000

    init(json node: JSONValue, at path: JSONPath, reader: GeniusWebReader) throws(GeniusWebImportError) {
        let low: Decimal
        let high: Decimal
        let step: Decimal
        switch node {
        case .object(let members):
            for member in members where !["low", "high", "step"].contains(member.key) {
                throw reader.invalid(path.key(member.key), "is not a key of a range; expected low, high and step")
            }
            low = try reader.decimal(node["low"], path.key("low"))
            high = try reader.decimal(node["high"], path.key("high"))
            step = try reader.decimal(node["step"], path.key("step"))
        case .array(let items):
            guard items.count == 3 else {
                throw reader.invalid(path, "has \(items.count) number(s); a range is [low, high, step]")
            }
            low = try reader.decimal(items[0], path.index(0))
            high = try reader.decimal(items[1], path.index(1))
            step = try reader.decimal(items[2], path.index(2))
        default:
            throw reader.invalid(
                path, "is \(node.kindDescription); expected {\"low\": …, \"high\": …, \"step\": …} or [low, high, step]"
            )
        }
        guard step > 0 else { throw reader.invalid(path, "has step \(step); a range's step must be positive") }
        guard low <= high else { throw reader.invalid(path, "has low \(low) above high \(high)") }
        let intervals = ((high - low) / step).floor
        guard intervals < Decimal(Self.maximumCount) else {
            throw reader.invalid(
                path, "holds more than \(Self.maximumCount) values, the most an issue may have; choose a coarser step")
        }
        self.low = low
        self.high = high
        self.step = step
        count = NSDecimalNumber(decimal: intervals).intValue + 1
    }

    package init(low: Decimal, high: Decimal, step: Decimal) {
        self.low = low
        self.high = high
        self.step = step
        count = NSDecimalNumber(decimal: ((high - low) / step).floor).intValue + 1
    }

    /// The i-th value, exactly.
    package func value(at index: Int) -> Decimal {
        low + Decimal(index) * step
    }

    /// The last value the range holds (`high` itself when the range is a whole number of steps).
    package var last: Decimal { value(at: count - 1) }

    /// Whether low, step (and so every value) are whole numbers that fit an `Int`.
    var isIntegral: Bool {
        [low, step, last].allSatisfy { $0 == $0.floor && abs(NSDecimalNumber(decimal: $0).doubleValue) < 1e15 }
    }

    /// The Accord issue kind on the same grid: integer when every value is whole, else real from `low` to the last
    /// value in steps of `step`.
    var accordKind: AccordCore.Issue.Kind {
        if isIntegral {
            return .integer(
                lower: NSDecimalNumber(decimal: low).intValue, upper: NSDecimalNumber(decimal: last).intValue,
                step: NSDecimalNumber(decimal: step).intValue)
        }
        return .real(lower: low.nearestDouble, upper: last.nearestDouble, step: step.nearestDouble)
    }
}
