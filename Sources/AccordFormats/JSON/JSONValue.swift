/// A JSON value that keeps what Foundation's JSON types lose: the order of an object's keys and, when wanted, the
/// exact text of a number. Every JSON that Accord writes or reads goes through it: reports, scenario and GeniusWeb
/// files, and JSON Lines.
///
/// Key order matters to Accord: GeniusWeb files list issues as object keys, and their order is the only order a file
/// gives (issue order decides outcome indices and tie-breaks); reports list their fields in a fixed order so that
/// their bytes are reproducible. Numbers come in three forms: ``int(_:)``, ``number(_:)`` (a double, written in its
/// shortest form), and ``numberText(_:)``, a number carried as its exact text. The parser gives every number as its
/// text: `Double(text)` rounds decimal text correctly to the nearest double, and decimal arithmetic (GeniusWeb
/// computes in `BigDecimal`) can start from the digits as written.
///
/// Two values are equal when they serialise to the same text: `.int(1)` equals `.numberText("1")`, while
/// `.numberText("1.10")` differs from `.number(1.1)`, and objects with the same members in another order differ.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    /// A double, written in the shortest form that reads back as the same double; a non-finite one as `null`.
    case number(Double)
    /// A number written exactly as this text, which must follow JSON's number grammar
    /// (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`), as the parser read it or a file format requires it.
    case numberText(String)
    case string(String)
    case array([JSONValue])
    /// An object: its members in order (the parser refuses a repeated key; a writer should not repeat one).
    case object([Member])

    /// One key of an object and its value.
    public typealias Member = (key: String, value: JSONValue)

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized(indent: 0) == rhs.serialized(indent: 0)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(serialized(indent: 0))
    }
}

extension JSONValue {
    /// The members of an object; `nil` for any other value.
    package var members: [Member]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The value of an object's key (its first member with that key); `nil` when the key is absent or the value is
    /// not an object.
    package subscript(key: String) -> JSONValue? {
        members?.first { $0.key == key }?.value
    }

    /// The items of an array; `nil` for any other value.
    package var items: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// The text of a string or of a number (`"1.10"` for `1.10` as read); `nil` for any other value.
    package var scalarText: String? {
        switch self {
        case .string(let text), .numberText(let text): text
        case .int(let value): String(value)
        case .number(let value) where value.isFinite: Self.format(value)
        default: nil
        }
    }

    /// What the value is, for messages: "an object", "a string", ….
    package var kindDescription: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .int, .number, .numberText: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }
}
