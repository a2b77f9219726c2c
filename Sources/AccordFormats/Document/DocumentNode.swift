import AccordCore
import Yams

/// A parsed YAML or JSON document as a plain, sendable tree that remembers where each node came from.
struct DocumentNode: Sendable {
    enum Value: Sendable {
        case scalar(String)
        case null
        case list([DocumentNode])
        case map([(key: String, value: DocumentNode)])
    }

    var value: Value
    /// 1-based line in the source, when known.
    var line: Int?

    /// The scalar text, if this node is a scalar.
    var scalar: String? {
        if case .scalar(let text) = value { return text }
        return nil
    }

    /// The entries, if this node is a mapping.
    var entries: [(key: String, value: DocumentNode)]? {
        if case .map(let entries) = value { return entries }
        return nil
    }

    /// The items, if this node is a sequence.
    var items: [DocumentNode]? {
        if case .list(let items) = value { return items }
        return nil
    }

    /// The value under a key of a mapping.
    subscript(key: String) -> DocumentNode? {
        entries?.first { $0.key == key }?.value
    }

    /// What kind of node this is, for error messages.
    var kindName: String {
        switch value {
        case .scalar(let text): "the value '\(Echo.cut(text))'"
        case .null: "an empty value"
        case .list: "a list"
        case .map: "a mapping"
        }
    }
}

/// Why a document could not be parsed at all.
struct DocumentSyntaxError: Error, Sendable {
    var line: Int?
    var column: Int?
    var message: String
    /// The common YAML mistake behind the error, told as a sentence, when it is one.
    var mistake: YAMLMistake?
}

extension DocumentNode {
    /// The most nodes a document may hold once aliases are expanded (guards against alias bombs).
    static let nodeLimit = 2_000_000

    /// Parses YAML (and therefore JSON, which libyaml reads as YAML) into a document tree.
    static func parse(yaml text: String) throws(DocumentSyntaxError) -> DocumentNode {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw Self.describe(error, in: text)
        } catch {
            throw DocumentSyntaxError(message: "\(error)")
        }
        guard let node else { return DocumentNode(value: .null, line: 1) }
        var budget = nodeLimit
        return try convert(node, budget: &budget)
    }

    private static func convert(_ node: Node, budget: inout Int) throws(DocumentSyntaxError) -> DocumentNode {
        budget -= 1
        guard budget >= 0 else {
            throw DocumentSyntaxError(message: "the document expands to more than \(nodeLimit) values (alias bomb?)")
        }
        let line = node.mark?.line
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
                return DocumentNode(value: .null, line: line)
            }
            return DocumentNode(value: .scalar(scalar.string), line: line)
        case .sequence(let sequence):
            var items: [DocumentNode] = []
            for item in sequence { items.append(try convert(item, budget: &budget)) }
            return DocumentNode(value: .list(items), line: line)
        case .mapping(let mapping):
            var entries: [(key: String, value: DocumentNode)] = []
            for (key, value) in mapping {
                guard let name = key.scalar?.string else {
                    throw DocumentSyntaxError(
                        line: key.mark?.line, column: key.mark?.column, message: "a mapping key must be a plain value")
                }
                if entries.contains(where: { $0.key == name }) {
                    throw DocumentSyntaxError(
                        line: key.mark?.line, column: key.mark?.column, message: "the key '\(name)' appears twice")
                }
                entries.append((name, try convert(value, budget: &budget)))
            }
            return DocumentNode(value: .map(entries), line: line)
        case .alias:
            throw DocumentSyntaxError(line: line, message: "unresolved alias")
        }
    }

    private static func describe(_ error: YamlError, in text: String) -> DocumentSyntaxError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text) (line \($0.mark.line)): \(problem)" } ?? problem
            let report = YAMLMistake.Report(
                problem: problem, line: mark.line, column: mark.column, context: context?.text,
                contextLine: context?.mark.line, contextColumn: context?.mark.column)
            return DocumentSyntaxError(
                line: mark.line, column: mark.column, message: detail, mistake: YAMLMistake.explain(report, in: text))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return DocumentSyntaxError(
                line: context.mark.line, column: context.mark.column,
                message: "the key(s) \(keys) appear more than once in one mapping")
        case .reader(let problem, let offset, _, _):
            return DocumentSyntaxError(message: problem + (offset.map { " at byte \($0)" } ?? ""))
        default:
            return DocumentSyntaxError(message: "\(error)")
        }
    }
}
