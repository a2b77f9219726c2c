extension JSONValue {
    /// The JSON text, deterministically; `indent` > 0 pretty-prints with that many spaces per level.
    ///
    /// Objects keep their members' order. Pretty-printed, every member and every item of an array that holds an
    /// object or an array (even an empty one) has its own line, while an array of plain values (strings, numbers,
    /// booleans, null) stays on one line (`[400, 900]`); empty objects and arrays are `{}` and `[]`. With `indent`
    /// 0 the text has no whitespace at all. There is no final newline.
    ///
    /// Strings are escaped as ``jsonQuoted(_:)`` says; numbers as ``number(_:)`` and ``numberText(_:)`` say.
    ///
    /// - Complexity: O(n) in the length of the text.
    public func serialized(indent: Int = 2) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        write(to: &output, indent: indent, level: 0)
        return String(decoding: output, as: UTF8.self)
    }

    private static func pad(_ output: inout [UInt8], _ count: Int) {
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }

    private func write(to output: inout [UInt8], indent: Int, level: Int) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value): output.append(contentsOf: String(value).utf8)
        case .number(let value): output.append(contentsOf: Self.format(value).utf8)
        case .numberText(let text): output.append(contentsOf: text.utf8)
        case .string(let value): Self.escape(value, into: &output)
        case .array(let items): Self.write(items, to: &output, indent: indent, level: level)
        case .object(let members): Self.write(members, to: &output, indent: indent, level: level)
        }
    }

    private static func write(_ items: [JSONValue], to output: inout [UInt8], indent: Int, level: Int) {
        guard !items.isEmpty else {
            output.append(contentsOf: "[]".utf8)
            return
        }
        output.append(UInt8(ascii: "["))
        if items.allSatisfy(\.isScalar) {
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(contentsOf: (indent > 0 ? ", " : ",").utf8) }
                item.write(to: &output, indent: indent, level: level + 1)
            }
        } else {
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                if indent > 0 { output.append(UInt8(ascii: "\n")) }
                pad(&output, indent * (level + 1))
                item.write(to: &output, indent: indent, level: level + 1)
            }
            if indent > 0 { output.append(UInt8(ascii: "\n")) }
            pad(&output, indent * level)
        }
        output.append(UInt8(ascii: "]"))
    }

    private static func write(_ members: [Member], to output: inout [UInt8], indent: Int, level: Int) {
        guard !members.isEmpty else {
            output.append(contentsOf: "{}".utf8)
            return
        }
        output.append(UInt8(ascii: "{"))
        for (index, member) in members.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            if indent > 0 { output.append(UInt8(ascii: "\n")) }
            pad(&output, indent * (level + 1))
            escape(member.key, into: &output)
            output.append(contentsOf: (indent > 0 ? ": " : ":").utf8)
            member.value.write(to: &output, indent: indent, level: level + 1)
        }
        if indent > 0 { output.append(UInt8(ascii: "\n")) }
        pad(&output, indent * level)
        output.append(UInt8(ascii: "}"))
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }
}

// MARK: - Numbers

extension JSONValue {
    /// A double's text as ``number(_:)`` writes it: whole numbers below 10¹⁵ without a fraction (`3`, `-0` as `0`),
    /// others in the shortest form that reads back as the same double, in Swift's spelling (`0.1`, `1e-05`,
    /// `1e+20`); `null` when not finite.
    package static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        return shortestText(value)
    }

    /// A number carried as ``jsonNumberText(_:)`` writes it (`0.1`, `1e-05`, `1e20`), the form of Accord's scenario
    /// and GeniusWeb files; `null` when not finite.
    package static func plainNumber(_ value: Double) -> JSONValue {
        value.isFinite ? .numberText(jsonNumberText(value)) : .null
    }

    /// Whole numbers below 10¹⁵ without a fraction, others as Swift's shortest round-tripping description.
    fileprivate static func shortestText(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }
}

/// The shortest text that reads back as the same double (`0.1`, `1e-05`, `3`), in JSON's grammar, with an
/// exponent written without `+` (`1e20`): the form of numbers in Accord's scenario, GENIUS and GeniusWeb files.
package func jsonNumberText(_ value: Double) -> String {
    var text = JSONValue.shortestText(value)
    if let range = text.range(of: "e+") { text.replaceSubrange(range, with: "e") }
    return text
}

// MARK: - Strings

/// A string in double quotes with JSON's escapes: `\"`, `\\`, `\n`, `\r`, `\t`, and `\u` with four lowercase
/// hexadecimal digits for the other control characters (U+0000–U+001F, U+007F, U+0080–U+009F) and for U+2028,
/// U+2029 and U+FEFF; everything else is written as it is. The result is also a valid YAML double-quoted scalar (YAML
/// refuses those characters raw, and Accord reads its JSON scenario files as YAML) and safe inside JavaScript.
package func jsonQuoted(_ text: String) -> String {
    var output: [UInt8] = []
    output.reserveCapacity(text.utf8.count + 2)
    JSONValue.escape(text, into: &output)
    return String(decoding: output, as: UTF8.self)
}

extension JSONValue {
    fileprivate static func escape(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        let escaped: Void? = text.utf8.withContiguousStorageIfAvailable { escape($0, into: &output) }
        if escaped == nil { Array(text.utf8).withUnsafeBufferPointer { escape($0, into: &output) } }
        output.append(UInt8(ascii: "\""))
    }

    private static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        // Most text (ids, names) needs no escape at all: copy it in one piece. The bytes that may need one are the
        // quote, the backslash, C0 controls and DEL, and the lead bytes of the sequences handled below.
        if !bytes.contains(where: {
            $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 || $0 == 0xEF
        }) {
            output.append(contentsOf: bytes)
            return
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): output.append(contentsOf: "\\\\".utf8)
            case UInt8(ascii: "\n"): output.append(contentsOf: "\\n".utf8)
            case UInt8(ascii: "\r"): output.append(contentsOf: "\\r".utf8)
            case UInt8(ascii: "\t"): output.append(contentsOf: "\\t".utf8)
            case 0..<0x20, 0x7F: unicodeEscape(UInt32(byte), into: &output)
            case 0xC2 where index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]):
                // U+0080–U+009F, the C1 control characters: C2 80 – C2 9F.
                index += 1
                unicodeEscape(UInt32(bytes[index]), into: &output)
            case 0xE2
            where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (0xA8...0xA9).contains(bytes[index + 2]):
                // U+2028 and U+2029, the line and paragraph separators: E2 80 A8 and E2 80 A9.
                index += 2
                unicodeEscape(0x2000 + UInt32(bytes[index]) - 0x80, into: &output)
            case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF:
                // U+FEFF, the byte-order mark: EF BB BF.
                index += 2
                unicodeEscape(0xFEFF, into: &output)
            default: output.append(byte)
            }
            index += 1
        }
    }

    private static func unicodeEscape(_ scalar: UInt32, into output: inout [UInt8]) {
        let hex = String(scalar, radix: 16)
        output.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
    }
}

// MARK: - Objects of written members

extension JSONValue {
    /// Appends the compact JSON text (as `serialized(indent: 0)` writes it) to `output`.
    package func write(compactTo output: inout [UInt8]) {
        write(to: &output, indent: 0, level: 0)
    }

    /// Appends the compact JSON text of an object whose members write their own values: `{"key":value,…}`, in
    /// order, each key escaped as ``jsonQuoted(_:)`` does. For a writer that writes some members straight to text
    /// rather than through a tree; each member must append exactly one compact JSON value.
    package static func writeCompactObject(
        _ members: [(key: String, write: (inout [UInt8]) -> Void)], into output: inout [UInt8]
    ) {
        output.append(UInt8(ascii: "{"))
        for (index, member) in members.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            escape(member.key, into: &output)
            output.append(UInt8(ascii: ":"))
            member.write(&output)
        }
        output.append(UInt8(ascii: "}"))
    }
}
