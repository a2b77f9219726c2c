import AccordCore
import AccordFormats
import Testing

/// Reading JSON with ``JSONValue/init(parsing:)``: key order and number text kept, every error placed by line and
/// column, hostile nesting refused, and what the writer writes read back unchanged.
@Suite struct JSONParserTests {
    // MARK: Valid documents

    @Test(arguments: [
        (#"{"b": 1.10, "a": [true, false, null], "c": {}}"#, #"{"b":1.10,"a":[true,false,null],"c":{}}"#),
        (" \t\r\n[ 1 , -0 , 2.5e-3 , 1E+2 , 0.0 ]\n", "[1,-0,2.5e-3,1E+2,0.0]"),
        (#""\u00e9\n\/\b\f\t\"\\""#, #""é\n/\u0008\u000c\t\"\\""#),
        (#"["\ud83c\uddfa\ud83c\udde6"]"#, "[\"🇺🇦\"]"),
        (#"["\u0041\u00DF\u6771"]"#, "[\"Aß東\"]"),
        ("\u{FEFF}{\"bom\": \"skipped\"}", #"{"bom":"skipped"}"#),
        ("[[[]], [{}], []]", "[[[]],[{}],[]]"),
        ("  42  ", "42"),
        (#""Kyiv — Київ""#, #""Kyiv — Київ""#),
    ])
    func validDocumentsAreRead(text: String, compact: String) throws {
        let value = try JSONValue(parsing: text)
        #expect(value.serialized(indent: 0) == compact)
    }

    @Test func objectsKeepTheirKeyOrderAndNumbersTheirText() throws {
        let value = try JSONValue(parsing: #"{"zeta": 1.10, "alpha": -0e+2, "mu": 12345678901234567890123}"#)
        #expect(value.members?.map(\.key) == ["zeta", "alpha", "mu"])
        #expect(value["zeta"] == .numberText("1.10"))
        if case .numberText(let text)? = value["alpha"] {
            #expect(text == "-0e+2")
        } else {
            Issue.record("a number is read as its text")
        }
        #expect(value["mu"]?.scalarText == "12345678901234567890123")
    }

    @Test func bytesAndTextParseAlike() throws {
        let text = #"{"a": ["é", 1]}"#
        #expect(try JSONValue(parsing: Array(text.utf8)) == JSONValue(parsing: text))
    }

    // MARK: Errors

    /// Each bad document with the line and column of its first problem (columns count characters) and the message.
    @Test(arguments: [
        ("", 1, 1, "the file holds no JSON value"),
        ("  \n  ", 2, 3, "the file holds no JSON value"),
        (#"{"a": 1,}"#, 1, 9, "expected a key in double quotes, found '}'"),
        ("[1 2]", 1, 4, "expected ',' or ']' in an array, found '2'"),
        ("{\n  \"a\" 1\n}", 2, 7, "expected ':' after the key \"a\""),
        (#"{"a": 1"#, 1, 8, "expected ',' or '}' in an object, found end of file"),
        ("[01]", 1, 3, "expected ',' or ']' in an array, found '1'"),
        ("-", 1, 2, "a number needs digits after '-'"),
        ("[1.]", 1, 4, "a number needs digits after its decimal point"),
        ("1e+", 1, 4, "a number needs digits in its exponent"),
        (#""abc"#, 1, 5, "a string is never closed"),
        ("\"a\u{1}\"", 1, 3, "a string holds a raw control character (byte 0x1); write it as an escape"),
        (#""\x""#, 1, 4, "unknown escape '\\x' in a string"),
        (#""\u12""#, 1, 4, "a \\u escape needs four hexadecimal digits"),
        (#""\u+123""#, 1, 4, "a \\u escape needs four hexadecimal digits"),
        (#""\ud800""#, 1, 8, "a \\u escape holds half of a surrogate pair"),
        (#""\udc00""#, 1, 8, "a \\u escape holds half of a surrogate pair"),
        (#"{"a": 1, "a": 2}"#, 1, 13, "the key \"a\" appears twice in one object"),
        ("[1] x", 1, 5, "unexpected 'x' after the JSON value"),
        ("tru", 1, 1, "unexpected 't' where a value was expected"),
        ("[\"é\", x]", 1, 7, "unexpected 'x' where a value was expected"),
        ("[\n\"Київ\",\n  'x']", 3, 3, "unexpected ''' where a value was expected"),
        ("{\"a\": [", 1, 8, "the file ends where a value was expected"),
    ])
    func errorsSayWhereAndWhat(text: String, line: Int, column: Int, message: String) {
        let error = #expect(throws: JSONSyntaxError.self) { try JSONValue(parsing: text) }
        #expect(error == JSONSyntaxError(line: line, column: column, message: message), "\(text)")
    }

    @Test func invalidUTF8InAStringIsAnError() {
        let error = #expect(throws: JSONSyntaxError.self) { try JSONValue(parsing: [0x22, 0x61, 0xFF, 0x22]) }
        #expect(error?.message == "a string is not valid UTF-8")
    }

    @Test func anErrorReadsAsOneClauseWithItsPlace() {
        let error = JSONSyntaxError(line: 2, column: 7, message: "expected ':' after the key \"a\"")
        #expect(error.description == "line 2, column 7: expected ':' after the key \"a\"")
    }

    // MARK: Nesting

    @Test func nestingUpToTheLimitIsRead() throws {
        let depth = JSONValue.maximumDepth
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var value = try JSONValue(parsing: text)
        var levels = 0
        while case .array(let items) = value {
            levels += 1
            guard let first = items.first else { break }
            value = first
        }
        #expect(levels == depth)
    }

    @Test(arguments: [JSONValue.maximumDepth + 1, 100_000])
    func deeperNestingIsRefusedWithoutExhaustingTheStack(depth: Int) {
        let text = String(repeating: "[{\"a\":", count: depth / 2 + 1) + "1"
        let error = #expect(throws: JSONSyntaxError.self) { try JSONValue(parsing: text) }
        #expect(error?.message == "values are nested more than \(JSONValue.maximumDepth) deep")
    }

    // MARK: Round trip

    @Test(arguments: [0, 2, 4])
    func whatTheWriterWritesReadsBackToTheSameText(indent: Int) throws {
        var generator = SeededGenerator(seed: UInt64(indent) + 11)
        for _ in 0..<200 {
            let value = JSONValueSample.value(depth: 4, using: &generator)
            let text = value.serialized(indent: indent)
            let read = try JSONValue(parsing: text)
            #expect(read == value)
            #expect(read.serialized(indent: indent) == text)
        }
    }
}

/// Random JSON values for round trips: every kind of value, keys and strings with escapes, controls and non-ASCII
/// characters, doubles of every magnitude.
enum JSONValueSample {
    static let characters: [Character] = [
        "a", "Z", "0", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{0}", "\u{1F}", "\u{7F}", "\u{85}", "\u{A0}", "é",
        "Ж", "東", "\u{2028}", "\u{2029}", "\u{FEFF}", "🇺🇦", "😀",
    ]

    static func string(using generator: inout some RandomNumberGenerator) -> String {
        String((0..<Int.random(in: 0...8, using: &generator)).map { _ in characters.randomElement(using: &generator)! })
    }

    static func number(using generator: inout some RandomNumberGenerator) -> Double {
        let magnitude =
            Double.random(in: -1...1, using: &generator)
            * pow10(Int.random(in: -320...308, using: &generator))
        return magnitude.isFinite ? magnitude : 0
    }

    static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(exponent) { result = exponent < 0 ? result / 10 : result * 10 }
        return result
    }

    static func value(depth: Int, using generator: inout some RandomNumberGenerator) -> JSONValue {
        switch Int.random(in: 0..<(depth > 0 ? 9 : 7), using: &generator) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2: return .int(Int.random(in: Int.min...Int.max, using: &generator))
        case 3: return .number(number(using: &generator))
        case 4: return .plainNumber(number(using: &generator))
        case 5:
            return .numberText(
                ["0", "-0", "1.10", "2.5E-3", "1e+400", "-12345678901234567890"][
                    Int.random(in: 0..<6, using: &generator)])
        case 6: return .string(string(using: &generator))
        case 7:
            return .array(
                (0..<Int.random(in: 0...4, using: &generator)).map { _ in value(depth: depth - 1, using: &generator) })
        default:
            var keys: Set<String> = []
            var members: [JSONValue.Member] = []
            for _ in 0..<Int.random(in: 0...4, using: &generator) {
                let key = string(using: &generator)
                guard keys.insert(key).inserted else { continue }
                members.append((key, value(depth: depth - 1, using: &generator)))
            }
            return .object(members)
        }
    }
}
