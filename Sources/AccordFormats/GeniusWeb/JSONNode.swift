/// A JSON value that keeps what Foundation's parser loses: the order of an object's keys and the exact text of
/// every number.
///
/// GeniusWeb files list issues as object keys, and their order is the only order a file gives, so Accord keeps it
/// (issue order decides outcome indices and tie-breaks). Numbers stay text until a reader converts them:
/// `Double(text)` rounds decimal text correctly to the nearest double, and decimal arithmetic (GeniusWeb computes
/// in `BigDecimal`) can start from the digits as written. `JSONSerialization` gives neither.
package indirect enum JSONNode: Sendable, Hashable {
    /// An object: its members in file order (keys are unique: the parser refuses a repeated key).
    case object([Member])
    case array([JSONNode])
    case string(String)
    /// A number, as written (JSON's grammar: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`).
    case number(String)
    case bool(Bool)
    case null

    /// One key and its value.
    package struct Member: Sendable, Hashable {
        package var key: String
        package var value: JSONNode

        package init(_ key: String, _ value: JSONNode) {
            self.key = key
            self.value = value
        }
    }

    /// The members of an object; `nil` for any other value.
    package var members: [Member]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The value of an object's key; `nil` when the key is absent or the value is not an object.
    package subscript(key: String) -> JSONNode? {
        members?.first { $0.key == key }?.value
    }

    /// What the value is, for messages: "an object", "a string", ….
    package var kindDescription: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }
}

extension JSONNode {
    /// A number node for a double, written in the shortest form that reads back as the same double.
    package static func number(_ value: Double) -> JSONNode {
        .number(jsonNumberText(value))
    }

    /// A number node for a whole number.
    package static func number(_ value: Int) -> JSONNode {
        .number(String(value))
    }
}

/// The shortest text that reads back as the same double (`0.1`, `1e-05`, `3`), in JSON's grammar.
package func jsonNumberText(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    var text = "\(value)"
    // Swift writes `1e+20`; JSON allows the sign, but keep the form short and plain.
    if let range = text.range(of: "e+") { text.replaceSubrange(range, with: "e") }
    return text
}

// MARK: - Reading

/// Why JSON text could not be read: the 1-based line and a clause.
package struct JSONSyntaxError: Error, Sendable, Equatable {
    package var line: Int
    package var message: String
}

extension JSONNode {
    /// The deepest nesting the parser follows before refusing (a guard against input built to exhaust the stack).
    package static let maximumDepth = 256

    /// Parses UTF-8 JSON text. A UTF-8 byte-order mark is skipped; anything but whitespace after the value is an
    /// error, as is a repeated key in one object.
    ///
    /// - Complexity: O(n) in the number of bytes.
    package static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
        var parser = JSONParser(bytes: bytes)
        return try parser.document()
    }
}

/// A recursive-descent JSON parser over bytes, counting lines for its messages.
private struct JSONParser {
    let bytes: [UInt8]
    var position = 0
    var line = 1
    var depth = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    func error(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(line: line, message: message)
    }

    func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func skipWhitespace() {
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: "\n"): line += 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): break
            default: return
            }
            position += 1
        }
    }

    mutating func document() throws(JSONSyntaxError) -> JSONNode {
        skipWhitespace()
        guard peek() != nil else { throw error("the file holds no JSON value") }
        let value = try self.value()
        skipWhitespace()
        guard position == bytes.count else { throw error("unexpected \(describe(peek())) after the JSON value") }
        return value
    }

    func describe(_ byte: UInt8?) -> String {
        guard let byte else { return "end of file" }
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    mutating func value() throws(JSONSyntaxError) -> JSONNode {
        skipWhitespace()
        guard let byte = peek() else { throw error("the file ends where a value was expected") }
        switch byte {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw error("unexpected \(describe(byte)) where a value was expected")
        }
    }

    mutating func literal(_ word: StaticString, _ result: JSONNode) throws(JSONSyntaxError) -> JSONNode {
        let count = word.utf8CodeUnitCount
        let matches = word.withUTF8Buffer { expected in
            position + count <= bytes.count && (0..<count).allSatisfy { bytes[position + $0] == expected[$0] }
        }
        guard matches else { throw error("unexpected \(describe(peek())) where a value was expected") }
        position += count
        return result
    }

    mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        guard depth <= JSONNode.maximumDepth else {
            throw error("values are nested more than \(JSONNode.maximumDepth) deep")
        }
    }

    mutating func object() throws(JSONSyntaxError) -> JSONNode {
        try enter()
        defer { depth -= 1 }
        position += 1
        var members: [JSONNode.Member] = []
        var keys: Set<String> = []
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            position += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else {
                throw error("expected a key in double quotes, found \(describe(peek()))")
            }
            let key = try string()
            guard keys.insert(key).inserted else { throw error("the key \"\(key)\" appears twice in one object") }
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw error("expected ':' after the key \"\(key)\"") }
            position += 1
            members.append(JSONNode.Member(key, try value()))
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"):
                position += 1
                return .object(members)
            default: throw error("expected ',' or '}' in an object, found \(describe(peek()))")
            }
        }
    }

    mutating func array() throws(JSONSyntaxError) -> JSONNode {
        try enter()
        defer { depth -= 1 }
        position += 1
        var items: [JSONNode] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            position += 1
            return .array(items)
        }
        while true {
            items.append(try value())
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"):
                position += 1
                return .array(items)
            default: throw error("expected ',' or ']' in an array, found \(describe(peek()))")
            }
        }
    }

    mutating func number() throws(JSONSyntaxError) -> String {
        let start = position
        func digits(_ parser: inout JSONParser) -> Int {
            let first = parser.position
            while let byte = parser.peek(), byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                parser.position += 1
            }
            return parser.position - first
        }
        if peek() == UInt8(ascii: "-") { position += 1 }
        if peek() == UInt8(ascii: "0") {
            position += 1
        } else if digits(&self) == 0 {
            throw error("a number needs digits after '-'")
        }
        if peek() == UInt8(ascii: ".") {
            position += 1
            guard digits(&self) > 0 else { throw error("a number needs digits after its decimal point") }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            position += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
            guard digits(&self) > 0 else { throw error("a number needs digits in its exponent") }
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    mutating func string() throws(JSONSyntaxError) -> String {
        position += 1
        var scalars = String.UnicodeScalarView()
        var runStart = position
        func flush(_ parser: JSONParser, upTo end: Int, into scalars: inout String.UnicodeScalarView)
            throws(JSONSyntaxError)
        {
            guard runStart < end else { return }
            guard let text = String(validating: parser.bytes[runStart..<end], as: UTF8.self) else {
                throw parser.error("a string is not valid UTF-8")
            }
            scalars.append(contentsOf: text.unicodeScalars)
        }
        while true {
            guard let byte = peek() else { throw error("a string is never closed") }
            switch byte {
            case UInt8(ascii: "\""):
                try flush(self, upTo: position, into: &scalars)
                position += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                try flush(self, upTo: position, into: &scalars)
                position += 1
                scalars.append(try escape())
                runStart = position
            case 0..<0x20:
                throw error("a string holds a raw control character (\(describe(byte))); write it as an escape")
            default:
                position += 1
            }
        }
    }

    mutating func escape() throws(JSONSyntaxError) -> Unicode.Scalar {
        guard let byte = peek() else { throw error("a string ends inside an escape") }
        position += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let first = try hex4()
            if (0xD800..<0xDC00).contains(first) {
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                    bytes[position + 1] == UInt8(ascii: "u")
                else { throw error("a \\u escape holds half of a surrogate pair") }
                position += 2
                let second = try hex4()
                guard (0xDC00..<0xE000).contains(second) else {
                    throw error("a \\u escape holds half of a surrogate pair")
                }
                let combined = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                guard let scalar = Unicode.Scalar(combined) else { throw error("an invalid \\u escape") }
                return scalar
            }
            guard let scalar = Unicode.Scalar(first) else { throw error("a \\u escape holds half of a surrogate pair") }
            return scalar
        default:
            throw error("unknown escape '\\\(Character(Unicode.Scalar(byte)))' in a string")
        }
    }

    mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard position + 4 <= bytes.count,
            let value = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
        else { throw error("a \\u escape needs four hexadecimal digits") }
        position += 4
        return value
    }
}

// MARK: - Writing

extension JSONNode {
    /// The value as JSON text: two-space indentation, one member per line, arrays of plain values on one line, and
    /// a final newline.
    package func jsonText() -> String {
        var output = ""
        write(to: &output, indent: 0)
        output += "\n"
        return output
    }

    private var isPlain: Bool {
        switch self {
        case .object(let members): members.isEmpty
        case .array(let items): items.isEmpty
        default: true
        }
    }

    private func write(to output: inout String, indent: Int) {
        switch self {
        case .object(let members):
            guard !members.isEmpty else {
                output += "{}"
                return
            }
            output += "{\n"
            for (index, member) in members.enumerated() {
                output += String(repeating: " ", count: indent + 2) + jsonQuoted(member.key) + ": "
                member.value.write(to: &output, indent: indent + 2)
                output += index < members.count - 1 ? ",\n" : "\n"
            }
            output += String(repeating: " ", count: indent) + "}"
        case .array(let items):
            if items.allSatisfy(\.isPlain) {
                output += "["
                for (index, item) in items.enumerated() {
                    if index > 0 { output += ", " }
                    item.write(to: &output, indent: indent)
                }
                output += "]"
                return
            }
            output += "[\n"
            for (index, item) in items.enumerated() {
                output += String(repeating: " ", count: indent + 2)
                item.write(to: &output, indent: indent + 2)
                output += index < items.count - 1 ? ",\n" : "\n"
            }
            output += String(repeating: " ", count: indent) + "]"
        case .string(let text): output += jsonQuoted(text)
        case .number(let text): output += text
        case .bool(let value): output += value ? "true" : "false"
        case .null: output += "null"
        }
    }
}

/// A string in double quotes with JSON's escapes (`\"`, `\\`, and `\n`, `\t`, `\r` or `\uXXXX` for control
/// characters); everything else is written as it is. The result is also a valid YAML double-quoted scalar.
package func jsonQuoted(_ text: String) -> String {
    var output = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": output += "\\\""
        case "\\": output += "\\\\"
        case "\n": output += "\\n"
        case "\r": output += "\\r"
        case "\t": output += "\\t"
        case _
        where scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
            || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            output += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        default: output.unicodeScalars.append(scalar)
        }
    }
    return output + "\""
}
