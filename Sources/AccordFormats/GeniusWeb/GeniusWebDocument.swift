import Foundation

/// The bytes of one GeniusWeb JSON file and the name that identifies it in messages and party ids.
public struct GeniusWebDocument: Sendable, Hashable {
    /// The file's name or path, as given.
    public var file: String
    /// The file's content (UTF-8 JSON).
    public var bytes: [UInt8]

    public init(file: String, bytes: [UInt8]) {
        self.file = file
        self.bytes = bytes
    }

    /// A document from text.
    public init(file: String, text: String) {
        self.init(file: file, bytes: Array(text.utf8))
    }

    /// Reads a file.
    ///
    /// - Throws: ``GeniusWebImportError/unreadable(file:reason:)`` when the file is missing, a directory, larger than
    ///   ``ScenarioLoader/maximumFileSize``, or cannot be read.
    public static func read(path: String) throws(GeniusWebImportError) -> GeniusWebDocument {
        do {
            return GeniusWebDocument(file: path, bytes: Array(try readInputFile(path)))
        } catch {
            throw .unreadable(file: path, reason: error.reason)
        }
    }

    /// The file name without its folder and extension (`jobs/jobs1.json` → `jobs1`).
    public var stem: String {
        GeniusDocument(file: file, bytes: []).stem
    }

    /// The parsed JSON.
    func json() throws(GeniusWebImportError) -> JSONValue {
        do {
            return try JSONValue(parsing: bytes)
        } catch {
            throw .syntax(file: file, line: error.line, message: error.message)
        }
    }
}

/// Where a value sits in a JSON document, written as a key path (`LinearAdditiveUtilitySpace.issueWeights.fte`);
/// keys that are not plain words are quoted (`issueUtilities."lease car"`).
struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    private(set) var components: [String] = []

    static let root = JSONPath()

    func key(_ key: String) -> JSONPath {
        var copy = self
        let plain = !key.isEmpty && key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        copy.components.append(plain ? key : jsonQuoted(key))
        return copy
    }

    func index(_ index: Int) -> JSONPath {
        var copy = self
        if copy.components.isEmpty {
            copy.components.append("[\(index)]")
        } else {
            copy.components[copy.components.count - 1] += "[\(index)]"
        }
        return copy
    }

    var description: String { components.isEmpty ? "(top level)" : components.joined(separator: ".") }
}

/// Reads typed values of one GeniusWeb document, throwing errors that name the file and the JSON path.
struct GeniusWebReader {
    let file: String

    func invalid(_ path: JSONPath, _ message: String) -> GeniusWebImportError {
        .invalid(file: file, path: path.description, message: message)
    }

    /// The members of an object.
    func object(_ node: JSONValue?, _ path: JSONPath, what: String = "an object") throws(GeniusWebImportError)
        -> [JSONValue.Member]
    {
        guard let node else { throw invalid(path, "is missing; expected \(what)") }
        guard let members = node.members else { throw invalid(path, "is \(node.kindDescription); expected \(what)") }
        return members
    }

    /// A string.
    func string(_ node: JSONValue?, _ path: JSONPath) throws(GeniusWebImportError) -> String {
        guard let node else { throw invalid(path, "is missing; expected a string") }
        guard case .string(let text) = node else {
            throw invalid(path, "is \(node.kindDescription); expected a string")
        }
        return text
    }

    /// The exact text of a number (a JSON number, or a string holding one, as some writers quote decimals).
    func numberText(_ node: JSONValue?, _ path: JSONPath) throws(GeniusWebImportError) -> String {
        guard let node else { throw invalid(path, "is missing; expected a number") }
        switch node {
        case .numberText(let text):
            return text
        case .string(let text) where isJSONNumber(text.trimmingCharacters(in: .whitespaces)):
            return text.trimmingCharacters(in: .whitespaces)
        default:
            throw invalid(path, "is \(node.kindDescription); expected a number")
        }
    }

    /// A finite number, parsed from its exact text (correctly rounded to the nearest double).
    func number(_ node: JSONValue?, _ path: JSONPath) throws(GeniusWebImportError) -> Double {
        let text = try numberText(node, path)
        guard let value = Double(text), value.isFinite else {
            throw invalid(path, "\(geniusShown(text)) is not a finite number")
        }
        return value
    }

    /// A number as an exact decimal.
    func decimal(_ node: JSONValue?, _ path: JSONPath) throws(GeniusWebImportError) -> Decimal {
        let text = try numberText(node, path)
        guard let value = exactDecimal(text) else {
            throw invalid(
                path, "\(geniusShown(text)) has more digits or a larger exponent than Accord's decimal arithmetic holds"
            )
        }
        return value
    }

    /// A number in [0, 1] (a utility or a weight).
    func unit(_ node: JSONValue?, _ path: JSONPath, what: String) throws(GeniusWebImportError) -> Double {
        let value = try number(node, path)
        guard value >= 0, value <= 1 else {
            throw invalid(
                path,
                "\(geniusShown(try numberText(node, path))) is outside [0, 1]; GeniusWeb requires \(what) in [0, 1]")
        }
        return value
    }
}

/// Whether the text is a number in JSON's grammar.
func isJSONNumber(_ text: String) -> Bool {
    guard !text.isEmpty, case .numberText(let parsed)? = try? JSONValue(parsing: text) else { return false }
    return parsed == text
}

/// The decimal a number's text denotes, exactly; `nil` when Foundation's `Decimal` (38 significant digits, exponents
/// within ±127) cannot hold it exactly or the text is not a number.
func exactDecimal(_ text: String) -> Decimal? {
    guard isJSONNumber(text), let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
        return nil
    }
    // Decimal keeps at most 38 significant digits: check that nothing was rounded away.
    let significant = text.split(whereSeparator: { $0 == "e" || $0 == "E" })[0].filter(\.isNumber)
        .drop(while: { $0 == "0" })
    let trimmed = significant.reversed().drop(while: { $0 == "0" })
    guard trimmed.count <= 38, !value.isNaN else { return nil }
    return value
}

extension Decimal {
    /// The nearest double, through the decimal's exact text (correctly rounded).
    var nearestDouble: Double {
        Double(description) ?? NSDecimalNumber(decimal: self).doubleValue
    }

    /// Rounded to `scale` decimal places, halves away from zero (Java's `RoundingMode.HALF_UP`).
    func roundedHalfUp(scale: Int) -> Decimal {
        var source = self
        var result = Decimal()
        NSDecimalRound(&result, &source, scale, .plain)
        return result
    }

    /// Rounded down to a whole number (towards minus infinity).
    var floor: Decimal {
        var source = self
        var result = Decimal()
        NSDecimalRound(&result, &source, 0, .down)
        return result
    }
}
