/// A recursive-descent JSON parser over UTF-8 bytes, behind ``JSONValue/init(parsing:)-(Array<UInt8>)``; it counts
/// lines for its messages and refuses nesting deeper than ``JSONValue/maximumDepth``.
struct JSONParser {
    private let bytes: [UInt8]
    private var position = 0
    private var line = 1
    /// Where the current line starts, for the column of a message.
    private var lineStart = 0
    private var depth = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            position = 3
            lineStart = 3
        }
    }

    /// The whole text as one value.
    mutating func document() throws(JSONSyntaxError) -> JSONValue {
        skipWhitespace()
        guard peek() != nil else { throw error("the file holds no JSON value") }
        let value = try self.value()
        skipWhitespace()
        guard position == bytes.count else { throw error("unexpected \(describe(peek())) after the JSON value") }
        return value
    }

    // MARK: Positions and messages

    private func error(_ message: String) -> JSONSyntaxError {
        // The column counts characters: every byte that does not continue a UTF-8 sequence starts one.
        let end = min(position, bytes.count)
        let column = 1 + bytes[lineStart..<end].count { $0 & 0xC0 != 0x80 }
        return JSONSyntaxError(line: line, column: column, message: message)
    }

    private func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

    private func describe(_ byte: UInt8?) -> String {
        guard let byte else { return "end of file" }
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    private mutating func skipWhitespace() {
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1
                lineStart = position + 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): break
            default: return
            }
            position += 1
        }
    }

    // MARK: Values

    private mutating func value() throws(JSONSyntaxError) -> JSONValue {
        skipWhitespace()
        guard let byte = peek() else { throw error("the file ends where a value was expected") }
        switch byte {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .numberText(try number())
        default: throw error("unexpected \(describe(byte)) where a value was expected")
        }
    }

    private mutating func literal(_ word: StaticString, _ result: JSONValue) throws(JSONSyntaxError) -> JSONValue {
        let count = word.utf8CodeUnitCount
        let matches = word.withUTF8Buffer { expected in
            position + count <= bytes.count && (0..<count).allSatisfy { bytes[position + $0] == expected[$0] }
        }
        guard matches else { throw error("unexpected \(describe(peek())) where a value was expected") }
        position += count
        return result
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        guard depth <= JSONValue.maximumDepth else {
            throw error("values are nested more than \(JSONValue.maximumDepth) deep")
        }
    }

    private mutating func object() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        position += 1
        var members: [JSONValue.Member] = []
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
            members.append((key, try value()))
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

    private mutating func array() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        position += 1
        var items: [JSONValue] = []
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

    // MARK: Numbers

    /// A number's text, checked against JSON's grammar `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    private mutating func number() throws(JSONSyntaxError) -> String {
        let start = position
        if peek() == UInt8(ascii: "-") { position += 1 }
        if peek() == UInt8(ascii: "0") {
            position += 1
        } else if skipDigits() == 0 {
            throw error("a number needs digits after '-'")
        }
        if peek() == UInt8(ascii: ".") {
            position += 1
            guard skipDigits() > 0 else { throw error("a number needs digits after its decimal point") }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            position += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
            guard skipDigits() > 0 else { throw error("a number needs digits in its exponent") }
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    /// Moves past a run of decimal digits and says how many there were.
    private mutating func skipDigits() -> Int {
        let first = position
        while let byte = peek(), byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { position += 1 }
        return position - first
    }

    // MARK: Strings

    /// A string's content, from its opening quote to past its closing one.
    private mutating func string() throws(JSONSyntaxError) -> String {
        position += 1
        var scalars = String.UnicodeScalarView()
        var runStart = position
        while true {
            guard let byte = peek() else { throw error("a string is never closed") }
            switch byte {
            case UInt8(ascii: "\""):
                try append(runStart..<position, to: &scalars)
                position += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                try append(runStart..<position, to: &scalars)
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

    /// Appends bytes of a string that hold no escape, checking that they are UTF-8.
    private func append(_ run: Range<Int>, to scalars: inout String.UnicodeScalarView) throws(JSONSyntaxError) {
        guard !run.isEmpty else { return }
        guard let text = String(validating: bytes[run], as: UTF8.self) else {
            throw error("a string is not valid UTF-8")
        }
        scalars.append(contentsOf: text.unicodeScalars)
    }

    /// The character an escape stands for, from past its backslash to past the escape.
    private mutating func escape() throws(JSONSyntaxError) -> Unicode.Scalar {
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
        case UInt8(ascii: "u"): return try unicodeEscape()
        default: throw error("unknown escape '\\\(Character(Unicode.Scalar(byte)))' in a string")
        }
    }

    /// The character of a `\uXXXX` escape, or of two that form a surrogate pair, from past the `u`.
    private mutating func unicodeEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        let first = try hex4()
        guard (0xD800..<0xDC00).contains(first) else {
            guard let scalar = Unicode.Scalar(first) else { throw error("a \\u escape holds half of a surrogate pair") }
            return scalar
        }
        guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
            bytes[position + 1] == UInt8(ascii: "u")
        else { throw error("a \\u escape holds half of a surrogate pair") }
        position += 2
        let second = try hex4()
        guard (0xDC00..<0xE000).contains(second),
            let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
        else { throw error("a \\u escape holds half of a surrogate pair") }
        return scalar
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard position + 4 <= bytes.count,
            bytes[position..<position + 4].allSatisfy(\.isASCIIHexDigit),
            let value = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
        else { throw error("a \\u escape needs four hexadecimal digits") }
        position += 4
        return value
    }
}

extension UInt8 {
    /// Whether the byte is `0`–`9`, `a`–`f` or `A`–`F`.
    fileprivate var isASCIIHexDigit: Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(self)
    }
}
