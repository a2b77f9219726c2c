import AccordKit
import Foundation

/// The members of a JSON request body, read one option at a time with a clear sentence for each mistake; options
/// nobody asked for are an error, so a typo is not silently ignored.
struct RequestOptions {
    private let members: [(key: String, value: JSONValue)]
    private var used: Set<String> = []

    /// Parses a JSON object body (an empty body is an empty object).
    init(body: String, what: String = "the request body") throws {
        // Only JSON's own whitespace (RFC 8259) makes an empty body: a form feed is not JSON.
        if body.unicodeScalars.allSatisfy({ [" ", "\t", "\n", "\r"].contains($0) }) {
            members = []
            return
        }
        let value: JSONValue
        do {
            value = try JSONValue(parsing: body)
        } catch {
            throw BodyError("\(what) is not valid JSON: \(error).")
        }
        guard case .object(let members) = value else {
            throw BodyError("\(what) must be a JSON object.")
        }
        self.members = members
    }

    /// The raw value of an option, `nil` when absent; `null` is refused (leave the option out for its default).
    mutating func value(_ key: String) throws -> JSONValue? {
        used.insert(key)
        guard let value = members.first(where: { $0.key == key })?.value else { return nil }
        guard value != .null else {
            throw BodyError("the option '\(key.cut())' is null; leave it out for its default.")
        }
        return value
    }

    mutating func string(_ key: String) throws -> String? {
        guard let value = try value(key) else { return nil }
        guard case .string(let text) = value else { throw Self.wrongType(key, "a string") }
        return text
    }

    mutating func int(_ key: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let value = try value(key) else { return nil }
        let number: Int?
        switch value {
        case .int(let int): number = int
        case .numberText(let text): number = Int(text)
        default: number = nil
        }
        guard let number, range.contains(number) else {
            throw BodyError(
                "the option '\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound).")
        }
        return number
    }

    mutating func seed(_ key: String = "seed") throws -> UInt64? {
        guard let value = try value(key) else { return nil }
        let text: String? =
            switch value {
            case .int(let int): String(int)
            case .numberText(let text), .string(let text): text
            default: nil
            }
        guard let text, let seed = UInt64(text) else {
            throw BodyError("the option '\(key)' must be a whole number from 0 to \(UInt64.max).")
        }
        return seed
    }

    mutating func double(_ key: String) throws -> Double? {
        guard let value = try value(key) else { return nil }
        guard let number = Self.number(value) else { throw Self.wrongType(key, "a finite number") }
        return number
    }

    mutating func bool(_ key: String) throws -> Bool? {
        guard let value = try value(key) else { return nil }
        guard case .bool(let flag) = value else { throw Self.wrongType(key, "true or false") }
        return flag
    }

    /// A list of strings, given as a JSON array or as one comma-separated string.
    mutating func strings(_ key: String) throws -> [String]? {
        guard let value = try value(key) else { return nil }
        switch value {
        case .string(let text): return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        case .array(let items):
            return try items.map { item in
                guard case .string(let text) = item else { throw Self.wrongType(key, "a list of strings") }
                return text
            }
        default: throw Self.wrongType(key, "a list of strings")
        }
    }

    /// An object of numbers (`{"id": 0.5}`), or of such objects when `nested`.
    mutating func numbers(_ key: String) throws -> [(String, Double)]? {
        guard let value = try value(key) else { return nil }
        guard case .object(let members) = value else { throw Self.wrongType(key, "an object of numbers") }
        return try members.map { member in
            guard let number = Self.number(member.value) else {
                throw BodyError("'\(key).\(member.key.cut())' must be a finite number.")
            }
            return (member.key, number)
        }
    }

    /// Refuses any option not read so far, naming the first and the known ones.
    func finish() throws {
        guard let unknown = members.first(where: { !used.contains($0.key) }) else { return }
        throw BodyError(
            "unknown option '\(unknown.key.cut())'; known options: \(used.sorted().joined(separator: ", ")).")
    }

    static func number(_ value: JSONValue) -> Double? {
        let number: Double? =
            switch value {
            case .int(let int): Double(int)
            case .numberText(let text): Double(text)
            case .number(let double): double
            default: nil
            }
        guard let number, number.isFinite else { return nil }
        return number
    }

    private static func wrongType(_ key: String, _ expected: String) -> BodyError {
        BodyError("the option '\(key)' must be \(expected).")
    }
}

extension String {
    /// The text as an error echoes it (``Echo/cut(_:)``: 40 characters at most, then "…").
    func cut() -> String { Echo.cut(self) }
}
