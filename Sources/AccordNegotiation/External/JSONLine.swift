/// A JSON object written field by field on one line, in the order the fields are added (the external-agent
/// protocol's messages; numbers in Swift's shortest round-trip form).
struct JSONLine {
    private var body = ""

    /// The object's text.
    var text: String { "{" + body + "}" }

    mutating func add(_ key: String, raw value: String) {
        if !body.isEmpty { body += "," }
        body += Self.quoted(key) + ":" + value
    }

    mutating func add(_ key: String, string value: String) { add(key, raw: Self.quoted(value)) }

    mutating func add(_ key: String, number value: Int) { add(key, raw: String(value)) }

    mutating func add(_ key: String, number value: Double) { add(key, raw: Self.number(value)) }

    mutating func add(_ key: String, strings values: [String]) {
        add(key, raw: "[" + values.map(Self.quoted).joined(separator: ",") + "]")
    }

    mutating func add(_ key: String, numbers values: [Double]) {
        var text = "["
        text.reserveCapacity(values.count * 20 + 2)
        for (position, value) in values.enumerated() {
            if position > 0 { text += "," }
            text += Self.number(value)
        }
        add(key, raw: text + "]")
    }

    /// A finite number as JSON (`null` for NaN and infinities, which JSON cannot write).
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    /// A string as a JSON string literal.
    static func quoted(_ value: String) -> String {
        var text = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }
}
