import AccordNegotiation
import Foundation

/// Reads the JSON Lines that `accord tournament` writes: result records and, in `progress.jsonl`, the
/// `{"started": id}` lines written before each negotiation starts.
public enum NegotiationRecordReader {
    /// What a progress file holds.
    public struct Progress: Sendable {
        /// The records, by negotiation id (a later line for the same id replaces an earlier one).
        public var records: [Int: NegotiationRecord] = [:]
        /// How many times each negotiation was started.
        public var starts: [Int: Int] = [:]
        /// Whether the last line was cut short (the run was killed while writing it); it is ignored.
        public var truncatedLastLine = false
    }

    /// Reads a progress or results file; a missing file holds nothing.
    ///
    /// - Throws: ``ScenarioError`` naming the file and line of a line that is not a record.
    public static func read(path: String) throws(ScenarioError) -> Progress {
        guard FileManager.default.fileExists(atPath: path) else { return Progress() }
        let data: Data
        do {
            data = try readInputFile(path, limit: 1 << 34)
        } catch {
            throw .unreadable(file: path, reason: error.reason)
        }
        var progress = Progress()
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (number, line) in lines.enumerated() where !line.isEmpty {
            let isLast = number == lines.count - 1
            // YAML reads JSON and keeps every number's text, so doubles are parsed exactly as written.
            guard let node = try? DocumentNode.parse(yaml: String(line)), node.entries != nil else {
                if isLast {
                    progress.truncatedLastLine = true
                    continue
                }
                throw .syntax(file: path, line: number + 1, column: nil, message: "not a JSON object")
            }
            if let started = node["started"]?.scalar.flatMap({ Int($0) }) {
                progress.starts[started, default: 0] += 1
                continue
            }
            guard let record = record(node) else {
                if isLast {
                    progress.truncatedLastLine = true
                    continue
                }
                throw .syntax(
                    file: path, line: number + 1, column: nil, message: "not a negotiation record of accord tournament")
            }
            progress.records[record.id] = record
        }
        return progress
    }

    /// One record from its parsed line.
    static func record(_ node: DocumentNode) -> NegotiationRecord? {
        func text(_ key: String) -> String? { node[key]?.scalar }
        func optionalText(_ key: String) -> String? {
            guard let value = node[key], case .scalar(let text) = value.value else { return nil }
            return text
        }
        func int(_ key: String) -> Int? { text(key).flatMap { Int($0) } }
        func double(_ key: String) -> Double? { optionalText(key).flatMap { Double($0) } }
        func strings(_ key: String) -> [String]? { node[key]?.items?.compactMap(\.scalar) }
        func doubles(_ key: String) -> [Double]? {
            guard let items = node[key]?.items else { return nil }
            let values = items.compactMap { $0.scalar.flatMap { Double($0) } }
            return values.count == items.count ? values : nil
        }
        guard let id = int("id"), let scenario = text("scenario"), let agents = strings("agents"),
            let parties = strings("parties"), let repetition = int("repetition"), let ending = text("ending"),
            let round = int("round"), let t = double("t"), let utilities = doubles("utilities"),
            let discounted = doubles("discountedUtilities"), let welfare = double("welfare"),
            let seed = text("seed").flatMap({ UInt64($0) })
        else { return nil }
        return NegotiationRecord(
            id: id, scenario: scenario, agents: agents, parties: parties, repetition: repetition, seed: seed,
            ending: ending, endedBy: optionalText("endedBy"), reason: optionalText("reason"),
            agreement: strings("agreement"), round: round, t: t, utilities: utilities,
            discountedUtilities: discounted, welfare: welfare, paretoDistance: double("paretoDistance"),
            nashDistance: double("nashDistance"), seconds: double("seconds") ?? 0)
    }
}
