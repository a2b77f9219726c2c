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
        let bytes = [UInt8](data)
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (number, line) in lines.enumerated() where !line.isEmpty {
            let isLast = number == lines.count - 1
            do throws(ScenarioError) {
                try read(line, into: &progress, file: path, line: number + 1)
            } catch {
                // A run killed while writing leaves its last line cut short: it is ignored, and said to be.
                guard isLast else { throw error }
                progress.truncatedLastLine = true
            }
        }
        return progress
    }

    /// Reads one line: a `{"started": id}` line counts a start, any other line is a record.
    private static func read(_ bytes: ArraySlice<UInt8>, into progress: inout Progress, file: String, line: Int)
        throws(ScenarioError)
    {
        let node: JSONValue
        do {
            node = try JSONValue(parsing: Array(bytes))
        } catch {
            throw .syntax(file: file, line: line, column: error.column, message: error.message)
        }
        guard node.members != nil else {
            throw .syntax(file: file, line: line, column: nil, message: "not a JSON object")
        }
        if let started = node["started"]?.scalarText.flatMap({ Int($0) }) {
            progress.starts[started, default: 0] += 1
            return
        }
        guard let record = record(node) else {
            throw .syntax(file: file, line: line, column: nil, message: "not a negotiation record of accord tournament")
        }
        progress.records[record.id] = record
    }

    /// One record from its parsed line; `nil` when a key is missing or holds the wrong kind of value.
    static func record(_ node: JSONValue) -> NegotiationRecord? {
        func text(_ key: String) -> String? { node[key]?.scalarText }
        func int(_ key: String) -> Int? { text(key).flatMap { Int($0) } }
        func double(_ key: String) -> Double? { text(key).flatMap { Double($0) } }
        func strings(_ key: String) -> [String]? { node[key]?.items?.compactMap(\.scalarText) }
        func doubles(_ key: String) -> [Double]? {
            guard let items = node[key]?.items else { return nil }
            let values = items.compactMap { $0.scalarText.flatMap { Double($0) } }
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
            ending: ending, endedBy: text("endedBy"), reason: text("reason"),
            agreement: strings("agreement"), round: round, t: t, utilities: utilities,
            discountedUtilities: discounted, welfare: welfare, paretoDistance: double("paretoDistance"),
            nashDistance: double("nashDistance"), seconds: double("seconds") ?? 0)
    }
}
