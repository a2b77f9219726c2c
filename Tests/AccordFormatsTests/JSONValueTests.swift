import AccordFormats
import Foundation
import Testing

@Suite struct JSONValueTests {
    // MARK: Strings

    @Test(arguments: [
        ("plain", #""plain""#),
        ("say \"no\"", #""say \"no\"""#),
        ("back\\slash", #""back\\slash""#),
        ("two\nlines\r\n", #""two\nlines\r\n""#),
        ("tab\there", #""tab\there""#),
        ("bell\u{07}unit\u{1F}", #""bell\u0007unit\u001f""#),
        ("nul\u{0}", #""nul\u0000""#),
        ("Kyiv — Київ 🇺🇦 é", "\"Kyiv — Київ 🇺🇦 é\""),
        ("slash / stays", #""slash / stays""#),
    ])
    func stringsAreEscaped(text: String, expected: String) {
        #expect(JSONValue.string(text).serialized() == expected)
    }

    /// Characters that YAML refuses raw (DEL, the C1 controls, the byte-order mark) and that JavaScript reads as line
    /// ends (U+2028, U+2029) are escaped, so Accord's JSON is also YAML and safe in a script; their UTF-8 neighbours
    /// are not.
    @Test(arguments: [
        ("del\u{7F}", #""del\u007f""#),
        ("c1 \u{80}\u{85}\u{9F}", #""c1 \u0080\u0085\u009f""#),
        ("lines\u{2028}\u{2029}", #""lines\u2028\u2029""#),
        ("bom\u{FEFF}", #""bom\ufeff""#),
        (
            "kept \u{A0}\u{A9}\u{2027}\u{202A}\u{2020}\u{20AC}\u{FEFE}\u{FFFD}",
            "\"kept \u{A0}\u{A9}\u{2027}\u{202A}\u{2020}\u{20AC}\u{FEFE}\u{FFFD}\""
        ),
        ("at the end \u{C2}", "\"at the end \u{C2}\""),
    ])
    func charactersYAMLRefusesAreEscaped(text: String, expected: String) {
        #expect(JSONValue.string(text).serialized() == expected)
        #expect(jsonQuoted(text) == expected)
    }

    @Test(arguments: [
        "say \"no\"", "back\\slash", "two\nlines\r\n", "bell\u{07}unit\u{1F}\u{0}", "Київ 🇺🇦", "\u{7F}del",
    ])
    func escapedStringsReadBackUnchanged(text: String) throws {
        let serialized = JSONValue.array([.string(text)]).serialized()
        let parsed = try JSONSerialization.jsonObject(with: Data(serialized.utf8)) as? [String]
        #expect(parsed == [text])
    }

    @Test func objectKeysAreEscapedToo() throws {
        let value = JSONValue.object([("a\"b\n", .int(1))])
        #expect(value.serialized(indent: 0) == #"{"a\"b\n":1}"#)
        let parsed = try JSONSerialization.jsonObject(with: Data(value.serialized().utf8)) as? [String: Int]
        #expect(parsed?["a\"b\n"] == 1)
    }

    // MARK: Numbers

    @Test(arguments: [
        (JSONValue.int(42), "42"),
        (JSONValue.int(-7), "-7"),
        (JSONValue.number(1.0), "1"),
        (JSONValue.number(-2), "-2"),
        (JSONValue.number(0), "0"),
        (JSONValue.number(-0.0), "0"),
        (JSONValue.number(600), "600"),
        (JSONValue.number(0.1), "0.1"),
        (JSONValue.number(0.45), "0.45"),
        (JSONValue.number(-0.030749999999999944), "-0.030749999999999944"),
        (JSONValue.number(.nan), "null"),
        (JSONValue.number(.infinity), "null"),
        (JSONValue.number(-.infinity), "null"),
    ])
    func numbersAreWrittenCompactly(value: JSONValue, expected: String) {
        #expect(value.serialized() == expected)
    }

    @Test(arguments: [
        0.1, 1.0 / 3, 2.0 / 3, 0.6912499999999999, 0.9999999999999999, 1e-7, 123_456.789, .leastNonzeroMagnitude,
        -1.5e-300,
        1e15 + 0.5, 1e20, .greatestFiniteMagnitude, 0.30000000000000004,
    ])
    func doublesRoundTripExactly(value: Double) throws {
        let text = JSONValue.number(value).serialized()
        #expect(Double(text) == value, "\(text)")
        // Foundation's JSONSerialization on Linux does not round correctly in the last bit or two
        // (0.6912499999999999 reads back as 0.6912499999999997), so it only has to agree closely.
        let parsed = try JSONSerialization.jsonObject(with: Data("[\(text)]".utf8)) as? [NSNumber]
        let read = try #require(parsed?.first?.doubleValue)
        #expect(abs(read - value) <= 4 * value.ulp, "\(text) read back by JSONSerialization as \(read)")
    }

    @Test(arguments: [
        (JSONValue.numberText("1.10"), "1.10"),
        (JSONValue.numberText("-0e+2"), "-0e+2"),
        (JSONValue.numberText("0.1000000000000000000000000001"), "0.1000000000000000000000000001"),
        (JSONValue.plainNumber(0.1), "0.1"),
        (JSONValue.plainNumber(1e-5), "1e-05"),
        (JSONValue.plainNumber(1e20), "1e20"),
        (JSONValue.number(1e20), "1e+20"),
        (JSONValue.plainNumber(3), "3"),
        (JSONValue.plainNumber(.nan), "null"),
        (JSONValue.plainNumber(-.infinity), "null"),
    ])
    func numbersWithTheirOwnTextAreWrittenAsGiven(value: JSONValue, expected: String) {
        #expect(value.serialized() == expected)
        #expect(JSONValue.array([value, value]).serialized() == "[\(expected), \(expected)]")
    }

    @Test func exactTextSurvivesWhereADoubleWouldNot() {
        // 0.1 + 0.2 has no exact double; its text does.
        let weights = JSONValue.object([("a", .numberText("0.30000000000000000001")), ("b", .number(0.1 + 0.2))])
        #expect(weights.serialized(indent: 0) == #"{"a":0.30000000000000000001,"b":0.30000000000000004}"#)
    }

    @Test func wholeNumbersHaveNoFraction() {
        for value in [0.0, 1, 3, 50, 900, 1980, -400, 999_999_999_999_999] {
            let text = JSONValue.number(value).serialized()
            #expect(!text.contains(".") && !text.contains("e"), "\(text)")
            #expect(Double(text) == value)
        }
    }

    // MARK: Structure

    @Test func objectsKeepTheirKeyOrder() {
        let value = JSONValue.object([("zeta", .int(1)), ("alpha", .int(2)), ("mu", .int(3))])
        #expect(value.serialized(indent: 0) == #"{"zeta":1,"alpha":2,"mu":3}"#)
    }

    @Test func compactSerialisationHasNoWhitespace() {
        let value = JSONValue.object([
            ("a", .int(1)), ("b", .array([.null, .bool(true), .bool(false), .string("x")])), ("c", .object([])),
            ("d", .array([])), ("e", .array([.object([("f", .number(0.5))])])),
        ])
        #expect(value.serialized(indent: 0) == #"{"a":1,"b":[null,true,false,"x"],"c":{},"d":[],"e":[{"f":0.5}]}"#)
    }

    @Test func prettySerialisationIndentsNestedValuesAndKeepsScalarArraysOnOneLine() {
        let value = JSONValue.object([
            ("name", .string("x")), ("range", .array([.int(400), .int(900)])),
            ("pairs", .array([.object([("gap", .number(0.25))])])),
        ])
        let expected = """
            {
              "name": "x",
              "range": [400, 900],
              "pairs": [
                {
                  "gap": 0.25
                }
              ]
            }
            """
        #expect(value.serialized() == expected)
    }

    @Test func anArrayHoldingAnEmptyArrayOrObjectIsNotKeptOnOneLine() {
        let value = JSONValue.array([.int(1), .array([]), .object([])])
        #expect(value.serialized() == "[\n  1,\n  [],\n  {}\n]")
        #expect(value.serialized(indent: 0) == "[1,[],{}]")
    }

    @Test func indentationFollowsTheGivenWidthAtEveryLevel() {
        let value = JSONValue.object([
            ("a", .object([("b", .array([.object([("c", .array([.numberText("1.0"), .string("x")]))])]))])),
            ("d", .object([])),
        ])
        let expected = """
            {
                "a": {
                    "b": [
                        {
                            "c": [1.0, "x"]
                        }
                    ]
                },
                "d": {}
            }
            """
        #expect(value.serialized(indent: 4) == expected)
    }

    @Test func membersAndItemsAreReadByKeyAndKind() {
        let value = JSONValue.object([
            ("a", .array([.string("x"), .numberText("2.50"), .int(3), .null])), ("b", .bool(true)),
        ])
        #expect(value.members?.map(\.key) == ["a", "b"])
        #expect(value["a"]?.items?.compactMap(\.scalarText) == ["x", "2.50", "3"])
        #expect(value["b"]?.kindDescription == "a boolean")
        #expect(value["missing"] == nil)
        #expect(JSONValue.string("a")["a"] == nil)
    }

    @Test func equalityComparesTheSerialisedText() {
        #expect(JSONValue.object([("a", .int(1))]) == .object([("a", .int(1))]))
        #expect(JSONValue.object([("a", .int(1)), ("b", .int(2))]) != .object([("b", .int(2)), ("a", .int(1))]))
        #expect(JSONValue.string("1") != .int(1))
        #expect(JSONValue.int(1) == .numberText("1"))
        #expect(JSONValue.numberText("1.10") != .number(1.1))
        #expect(Set([JSONValue.int(1), .numberText("1"), .number(1)]).count == 1)
    }
}
