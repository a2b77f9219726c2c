/// One dimension of a negotiation: a list of options, or a range of numbers.
public struct Issue: Sendable, Hashable, Codable {
    /// The identifier used in scenario files and outcomes.
    public var id: String
    /// A human-readable name; defaults to the identifier.
    public var name: String
    /// Free text describing the issue.
    public var description: String?
    /// The unit of a numeric issue (`thousand troops`), for reports.
    public var unit: String?
    /// What can be chosen on this issue.
    public var kind: Kind

    /// The kinds of issue Accord models.
    public enum Kind: Sendable, Hashable, Codable {
        /// An ordered list of named options.
        case discrete([Option])
        /// Whole numbers from `lower` to `upper` in steps of `step`.
        case integer(lower: Int, upper: Int, step: Int)
        /// Real numbers from `lower` to `upper`, enumerated on a grid of spacing `step`.
        case real(lower: Double, upper: Double, step: Double)
    }

    /// Creates an issue; its name defaults to its identifier.
    public init(id: String, name: String? = nil, description: String? = nil, unit: String? = nil, kind: Kind) {
        self.id = id
        self.name = name ?? id
        self.description = description
        self.unit = unit
        self.kind = kind
    }

    /// The options of a discrete issue; empty for a numeric one.
    public var options: [Option] {
        if case .discrete(let options) = kind { return options }
        return []
    }

    /// Whether the issue's choices are numbers.
    public var isNumeric: Bool {
        if case .discrete = kind { return false }
        return true
    }

    /// How many distinct choices (levels) the issue offers when enumerated.
    ///
    /// For a real range the grid runs from `lower` in steps of `step` and always ends exactly at `upper`.
    public var levelCount: Int {
        switch kind {
        case .discrete(let options):
            return options.count
        case .integer(let lower, let upper, let step):
            guard step > 0, upper >= lower else { return 0 }
            return (upper - lower) / step + 1
        case .real(let lower, let upper, let step):
            guard step > 0, upper >= lower else { return 0 }
            let intervals = ((upper - lower) / step * (1 - 1e-12)).rounded(.up)
            guard intervals.isFinite else { return 1_000_000_000_000_000 }
            return Int(min(intervals, 1e15)) + 1
        }
    }

    /// The number at a level of a numeric issue; for a discrete issue, the level itself.
    public func number(atLevel level: Int) -> Double {
        switch kind {
        case .discrete:
            return Double(level)
        case .integer(let lower, _, let step):
            return Double(lower + level * step)
        case .real(let lower, let upper, let step):
            return min(upper, lower + Double(level) * step)
        }
    }

    /// The label of a level: the option id, or the number written without a needless fraction.
    public func label(ofLevel level: Int) -> String {
        switch kind {
        case .discrete(let options):
            return options[level].id
        case .integer:
            return String(Int(number(atLevel: level)))
        case .real:
            return formatNumber(number(atLevel: level))
        }
    }

    /// The level whose label or number matches `text`, if any.
    ///
    /// Numbers match a level when they are within 1e-9 of it; a discrete issue matches option ids.
    public func level(matching text: String) -> Int? {
        switch kind {
        case .discrete(let options):
            return options.firstIndex { $0.id == text }
        case .integer, .real:
            guard let value = Double(text) else { return nil }
            return level(ofNumber: value)
        }
    }

    /// The level at exactly this number (within 1e-9), if the grid has one.
    public func level(ofNumber value: Double) -> Int? {
        let count = levelCount
        guard count > 0, value.isFinite else { return nil }
        let guess: Int
        switch kind {
        case .discrete: return nil
        case .integer(let lower, _, let step): guess = clampedLevel((value - Double(lower)) / Double(step))
        case .real(let lower, _, let step): guess = clampedLevel((value - lower) / step)
        }
        for level in [guess, count - 1] where (0..<count).contains(level) {
            if abs(number(atLevel: level) - value) <= 1e-9 * max(1, abs(value)) { return level }
        }
        return nil
    }
}

/// The nearest level to a finite `offset` (in steps from the lowest level), clamped to [-1, 10^15] so that a number
/// far outside the grid converts to `Int` without trapping.
private func clampedLevel(_ offset: Double) -> Int {
    Int(max(-1, min(1e15, offset.rounded())))
}

/// Writes a number compactly: integers without a fraction, others with up to six significant decimals.
package func formatNumber(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    guard value.isFinite, abs(value) < 1e12, abs(value) >= 1e-6 else { return "\(value)" }
    var text = String(format6(value))
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
}

private func format6(_ value: Double) -> String {
    let scaled = (value * 1_000_000).rounded()
    let negative = scaled < 0
    let magnitude = Int(abs(scaled))
    let whole = magnitude / 1_000_000
    let fraction = String(magnitude % 1_000_000)
    return (negative ? "-" : "") + "\(whole)." + String(repeating: "0", count: 6 - fraction.count) + fraction
}
