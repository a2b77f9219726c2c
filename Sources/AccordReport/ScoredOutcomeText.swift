import AccordCore
import AccordFormats

/// Writes lists of scored outcomes as compact JSON text without building a ``JSONValue`` tree: each issue's key,
/// each option's value and each party's key are written once, then copied for every outcome. The text is exactly
/// `JSONValue.array(list.map(ScenarioJSON.scoredJSON)).serialized(indent: 0)`; what-if answers, whose frontier is
/// most of their bytes, are written this way.
struct ScoredOutcomeText {
    /// `"issue id":` for each issue.
    private let issueKeys: [[UInt8]]
    /// The JSON text of each level's value, for the issues with at most ``levelTextLimit`` levels.
    private let levelTexts: [[[UInt8]]?]
    /// `"party id":` for each party.
    private let partyKeys: [[UInt8]]
    private let encoder: ScenarioJSON

    /// Issues with more levels than this have their values written as they come, not all written beforehand.
    static let levelTextLimit = 4_096

    init(_ encoder: ScenarioJSON) {
        self.encoder = encoder
        let key = { (id: String) in Array((jsonQuoted(id) + ":").utf8) }
        issueKeys = encoder.space.issues.map { key($0.id) }
        partyKeys = encoder.parties.map { key($0.id) }
        levelTexts = encoder.space.issues.map { issue in
            guard issue.levelCount <= Self.levelTextLimit else { return nil }
            return (0..<issue.levelCount).map { Array(encoder.levelJSON(issue, $0).serialized(indent: 0).utf8) }
        }
    }

    /// Appends the list as compact JSON text to `output`.
    func write(_ list: [ScoredOutcome], into output: inout [UInt8]) {
        output.reserveCapacity(output.count + list.count * (issueKeys.count + partyKeys.count) * 28 + 2)
        output.append(UInt8(ascii: "["))
        for (index, scored) in list.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            write(scored, into: &output)
        }
        output.append(UInt8(ascii: "]"))
    }

    private func write(_ scored: ScoredOutcome, into output: inout [UInt8]) {
        output.append(contentsOf: #"{"outcome":"#.utf8)
        writeObject(
            count: min(issueKeys.count, scored.outcome.levels.count), keys: issueKeys, into: &output
        ) { issue, output in
            let level = scored.outcome.levels[issue]
            if let texts = levelTexts[issue], texts.indices.contains(level) {
                output.append(contentsOf: texts[level])
            } else {
                output.append(
                    contentsOf: encoder.levelJSON(encoder.space.issues[issue], level).serialized(indent: 0).utf8)
            }
        }
        output.append(contentsOf: #","utilities":"#.utf8)
        writeObject(count: min(partyKeys.count, scored.utilities.count), keys: partyKeys, into: &output) { p, output in
            output.append(contentsOf: JSONValue.format(scored.utilities[p]).utf8)
        }
        output.append(UInt8(ascii: "}"))
    }

    private func writeObject(
        count: Int, keys: [[UInt8]], into output: inout [UInt8], value: (Int, inout [UInt8]) -> Void
    ) {
        output.append(UInt8(ascii: "{"))
        for index in 0..<count {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            output.append(contentsOf: keys[index])
            value(index, &output)
        }
        output.append(UInt8(ascii: "}"))
    }
}
