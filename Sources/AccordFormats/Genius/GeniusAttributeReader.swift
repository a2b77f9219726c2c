import AccordCore

/// Reads typed attributes of one GENIUS element, throwing errors that name the file, line and element.
struct GeniusAttributeReader {
    let element: GeniusXMLElement
    let file: String

    /// An error about this element.
    func invalid(_ message: String) -> GeniusImportError {
        .invalid(file: file, line: element.line, element: element.tag, message: message)
    }

    /// A required attribute.
    func string(_ name: String) throws(GeniusImportError) -> String {
        guard let value = element[attribute: name] else { throw invalid("has no \(name) attribute") }
        return value
    }

    /// A required whole number, written as Java's `Integer.valueOf` accepts it (surrounding whitespace tolerated)
    /// and within the range of a Java `int`, as GENIUS reads it (so differences of two never overflow).
    func integer(_ name: String) throws(GeniusImportError) -> Int {
        let text = try string(name)
        guard let value = Int32(text.trimmingGeniusWhitespace()) else {
            throw invalid(
                "has \(name)=\"\(geniusShown(text))\", which is not a whole number GENIUS can read (a Java int)")
        }
        return Int(value)
    }

    /// A required finite number, written as Java's `Double.parseDouble` accepts it.
    func number(_ name: String) throws(GeniusImportError) -> Double {
        let text = try string(name)
        guard let value = parseGeniusNumber(text) else {
            throw invalid("has \(name)=\"\(geniusShown(text))\", which is not a finite number")
        }
        return value
    }

    /// A required finite number that is not negative (a weight or an evaluation).
    func nonNegativeNumber(_ name: String) throws(GeniusImportError) -> Double {
        let value = try number(name)
        guard value >= 0 else {
            let text = geniusShown(element[attribute: name] ?? "")
            throw invalid("has \(name)=\"\(text)\", which is negative; GENIUS weights and evaluations are 0 or more")
        }
        return value
    }

    /// An optional finite number: `nil` when the attribute is absent.
    func optionalNumber(_ name: String) throws(GeniusImportError) -> Double? {
        element[attribute: name] == nil ? nil : try number(name)
    }

    /// The declared type of an issue (`vtype`, `type` and `etype`, lower-cased; `discrete` when none is given).
    ///
    /// - Throws: when two of them disagree.
    func issueType() throws(GeniusImportError) -> String {
        let declared = ["vtype", "type", "etype"].compactMap { name in
            element[attribute: name].map { (name: name, value: $0.trimmingGeniusWhitespace().lowercased()) }
        }
        guard let first = declared.first else { return "discrete" }
        if let conflict = declared.first(where: { $0.value != first.value }) {
            throw invalid(
                "has conflicting types: \(first.name)=\"\(Echo.cut(first.value))\" but \(conflict.name)=\"\(Echo.cut(conflict.value))\""
            )
        }
        return first.value
    }
}

/// Parses a number as Java's `Double.parseDouble` does for finite decimal and hexadecimal numbers: surrounding
/// whitespace and a trailing `d`/`f` type suffix are allowed. Returns `nil` for NaN, infinities and non-numbers.
///
/// Both Java and Swift round decimal text correctly to the nearest double, so the result is the double GENIUS uses.
func parseGeniusNumber(_ text: String) -> Double? {
    var body = Substring(text.trimmingGeniusWhitespace())
    if let last = body.last, "dDfF".contains(last), body.count > 1, !body.contains(where: { $0 == "x" || $0 == "X" }) {
        body = body.dropLast()
    }
    guard let first = body.first, first.isNumber || first == "." || first == "-" || first == "+" else { return nil }
    guard let value = Double(body), value.isFinite else { return nil }
    return value
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    func trimmingGeniusWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
