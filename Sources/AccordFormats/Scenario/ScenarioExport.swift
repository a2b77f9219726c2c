import AccordCore
import Foundation

/// The files an exporter writes for one scenario, and what the conversion could not carry over.
public struct ScenarioExport: Sendable {
    /// One file: its name (no folder) and its text.
    public struct File: Sendable, Hashable {
        public var name: String
        public var text: String

        public init(name: String, text: String) {
            self.name = name
            self.text = text
        }
    }

    /// The files, in the order a reader should take them (domain first, then one profile per party).
    public var files: [File]
    /// Remarks on what the target format cannot express or expresses differently (red lines dropped, an issue
    /// discretised, a reservation value approximated by a bid), one sentence each.
    public var notes: [String]

    public init(files: [File], notes: [String] = []) {
        self.files = files
        self.notes = notes
    }
}

// MARK: - Shared helpers

/// The labels an exporter writes for the issues and options of a scenario: the names when they are distinct and
/// the format can hold them, otherwise the ids.
///
/// A scenario imported from GENIUS or GeniusWeb keeps the original strings as ids and names, and a scenario written
/// to Accord YAML keeps them as names (its ids must be identifiers), so preferring the names gives the original
/// strings back in both cases.
struct ExportLabels {
    /// One label per issue.
    var issues: [String]
    /// One label per option of each discrete issue (empty for numeric issues).
    var options: [[String]]

    /// - Parameter isWritable: whether the format can hold a string.
    init(space: OutcomeSpace, isWritable: (String) -> Bool = { _ in true }) {
        issues = Self.choose(names: space.issues.map(\.name), ids: space.issues.map(\.id), isWritable: isWritable)
        options = space.issues.map { issue in
            Self.choose(names: issue.options.map(\.name), ids: issue.options.map(\.id), isWritable: isWritable)
        }
    }

    private static func choose(names: [String], ids: [String], isWritable: (String) -> Bool) -> [String] {
        let usable = names.allSatisfy { !$0.isEmpty && isWritable($0) } && Set(names).count == names.count
        return usable ? names : ids
    }
}

/// A string made safe as a file name: path separators, colons and control characters become `_`; leading dots and
/// surrounding spaces are dropped; an empty result becomes `fallback`.
func exportFileStem(_ text: String, fallback: String) -> String {
    var stem = String(
        text.unicodeScalars.map { scalar -> Character in
            let unsafe = scalar == "/" || scalar == "\\" || scalar == ":" || scalar.value < 0x20 || scalar.value == 0x7F
            return unsafe ? "_" : Character(scalar)
        })
    stem = stem.trimmingCharacters(in: .whitespaces)
    while stem.hasPrefix(".") { stem.removeFirst() }
    if stem.count > 100 { stem = String(stem.prefix(100)) }
    return stem.isEmpty ? fallback : stem
}

/// File names made distinct (case-insensitively, for file systems that ignore case) by suffixes `-2`, `-3`, ….
func distinctFileNames(_ stems: [String], extension ext: String, reserved: Set<String> = []) -> [String] {
    var used = Set(reserved.map { $0.lowercased() })
    return stems.map { stem in
        var name = "\(stem).\(ext)"
        var copy = 2
        while used.contains(name.lowercased()) {
            name = "\(stem)-\(copy).\(ext)"
            copy += 1
        }
        used.insert(name.lowercased())
        return name
    }
}

/// A party's utility as weights and value functions, when it is additive.
struct AdditiveParts {
    var weights: [Double]
    var values: [ValueFunction]
    /// Whether GENIUS's cap at 1 binds (only ``CappedAdditiveUtility`` whose weights can pass 1).
    var isCapped: Bool

    /// The parts of a party's utility.
    ///
    /// - Throws: when the utility is neither linear additive nor GENIUS's capped additive form.
    init(_ party: Party, in space: OutcomeSpace, format: String) throws(ScenarioExportError) {
        if let linear = party.utility as? LinearAdditiveUtility {
            weights = linear.weights
            values = linear.values
            isCapped = false
        } else if let capped = party.utility as? CappedAdditiveUtility, capped.cap == 1 {
            weights = capped.uncapped.weights
            values = capped.uncapped.values
            isCapped = capped.capBinds(in: space)
        } else {
            throw ScenarioExportError(
                format: format,
                message: "party '\(party.id)' has a utility that is not linear additive (\(type(of: party.utility)))")
        }
        guard weights.count == space.issues.count, values.count == space.issues.count else {
            throw ScenarioExportError(
                format: format, message: "party '\(party.id)' has a utility for another number of issues")
        }
    }

    /// The value of every level of every issue.
    func levelValues(in space: OutcomeSpace) -> [[Double]] {
        zip(values, space.issues).map { function, issue in
            (0..<issue.levelCount).map { function.value(atLevel: $0, of: issue) }
        }
    }

    /// The same utility with weights summing to 1, as GeniusWeb and the Accord format require, when the written
    /// weights do not (GENIUS weights are used as written and may sum to 0.99 or 1.1).
    ///
    /// Returns `nil` when the weights already sum to 1 within 10⁻⁹. Otherwise issue i's values are multiplied by
    /// T/mᵢ and its weight becomes wᵢ·mᵢ/T, where mᵢ is the issue's largest value and T = Σ wᵢ·mᵢ the largest utility:
    /// every product wᵢ·vᵢ is unchanged (to rounding), the values stay in [0, 1], and the weights sum to 1.
    func normalised(in space: OutcomeSpace) -> (weights: [Double], levelValues: [[Double]])? {
        let sum = weights.reduce(0, +)
        guard abs(sum - 1) > 1e-9 else { return nil }
        let levels = levelValues(in: space)
        let maxima = levels.map { $0.max() ?? 0 }
        let total = zip(weights, maxima).reduce(0) { $0 + $1.0 * $1.1 }
        guard total > 0 else {
            let equal = 1 / Double(max(1, weights.count))
            return (weights.map { _ in equal }, levels.map { $0.map { _ in 0 } })
        }
        var newWeights: [Double] = []
        var newValues: [[Double]] = []
        for (weight, (maximum, values)) in zip(weights, zip(maxima, levels)) {
            guard maximum > 0, weight > 0 else {
                newWeights.append(0)
                newValues.append(values.map { _ in 0 })
                continue
            }
            newWeights.append(weight * maximum / total)
            newValues.append(values.map { min(1, $0 * total / maximum) })
        }
        return (newWeights, newValues)
    }
}

/// The text of a numeric level that reads back as exactly that number (`12`, `0.30000000000000004`).
func exactLevelText(_ issue: Issue, level: Int) -> String {
    if case .integer = issue.kind { return String(Int(issue.number(atLevel: level))) }
    return jsonNumberText(issue.number(atLevel: level))
}

/// The outcome whose utility is nearest to `target`, for a party with additive contributions, found by a
/// depth-first search that prunes branches which cannot beat the best so far (ties: the first outcome in
/// lexicographic level order). After `budget` visited nodes the best found so far is returned.
func nearestOutcome(to target: Double, contributions table: [[Double]], budget: Int = 5_000_000) -> [Int] {
    let count = table.count
    var minimumRest = [Double](repeating: 0, count: count + 1)
    var maximumRest = [Double](repeating: 0, count: count + 1)
    for issue in stride(from: count - 1, through: 0, by: -1) {
        minimumRest[issue] = minimumRest[issue + 1] + (table[issue].min() ?? 0)
        maximumRest[issue] = maximumRest[issue + 1] + (table[issue].max() ?? 0)
    }
    var best = table.map { _ in 0 }
    var bestDistance = Double.infinity
    var current = best
    var visited = 0
    func search(_ issue: Int, _ sum: Double) {
        if bestDistance == 0 || visited >= budget { return }
        visited += 1
        if issue == count {
            let distance = abs(sum - target)
            if distance < bestDistance {
                bestDistance = distance
                best = current
            }
            return
        }
        if sum + maximumRest[issue] < target - bestDistance || sum + minimumRest[issue] > target + bestDistance {
            return
        }
        for level in table[issue].indices {
            current[issue] = level
            search(issue + 1, sum + table[issue][level])
        }
    }
    search(0, 0)
    return best
}
