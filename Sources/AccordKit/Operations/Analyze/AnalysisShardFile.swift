import Foundation

/// The file one shard of an analysis's Monte Carlo draws writes (`accord analyze --shard k/n --counts FILE`): the
/// analysis's request, the scenario's fingerprint, and the shard's counts — what ``AnalysisMergeRequest`` needs to
/// give exactly the result of one run making every draw.
///
/// JSON: `{"accord": 1, "kind": "acceptance-shard", "request": {…the analysis's parameters…}, "scenarioFingerprint",
/// "shard": "k/n", "samples", "seed", "draws", "accepted": [[…]], "acceptedByAll": […], "zoneNonEmpty", "inZone": […]}`.
public struct AnalysisShardFile: Sendable, Hashable {
    /// The parameters of the analysis the shard belongs to (``AnalysisRequest/parameters``).
    public var request: JSONValue
    /// The fingerprint of the scenario's files when the shard ran.
    public var scenarioFingerprint: String
    /// The shard's counts.
    public var counts: AcceptanceCounts

    /// The file's `kind`.
    public static let kind = "acceptance-shard"

    /// Creates the file's contents.
    public init(request: JSONValue, scenarioFingerprint: String, counts: AcceptanceCounts) {
        self.request = request
        self.scenarioFingerprint = scenarioFingerprint
        self.counts = counts
    }

    /// The JSON document.
    public var json: JSONValue {
        .object([
            ("accord", .int(1)), ("kind", .string(Self.kind)), ("request", request),
            ("scenarioFingerprint", .string(scenarioFingerprint)), ("shard", .string(counts.slice.description)),
            ("samples", .int(counts.samples)), ("seed", .string(String(counts.seed))), ("draws", .int(counts.draws)),
            ("accepted", .array(counts.accepted.map { .array($0.map(JSONValue.int)) })),
            ("acceptedByAll", .array(counts.acceptedByAll.map(JSONValue.int))),
            ("zoneNonEmpty", .int(counts.zoneNonEmpty)), ("inZone", .array(counts.inZone.map(JSONValue.int))),
        ])
    }

    /// Reads a shard file.
    ///
    /// - Throws: ``RequestError`` naming the file and what does not read.
    public init(path: String) throws(RequestError) {
        let name = Echo.cut(path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RequestError("\(name): cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8), let json = try? JSONValue(parsing: text),
            json["kind"] == .string(Self.kind), let request = json["request"],
            let fingerprint = json["scenarioFingerprint"]?.scalarText
        else {
            throw RequestError("\(name): is not the counts file of a shard (accord analyze --shard k/n --counts FILE)")
        }
        let int = { (key: String) -> Int? in json[key]?.scalarText.flatMap { Int($0) } }
        let ints = { (value: JSONValue?) -> [Int]? in
            value?.items.flatMap { items in
                let numbers = items.compactMap { $0.scalarText.flatMap { Int($0) } }
                return numbers.count == items.count ? numbers : nil
            }
        }
        let shard = (json["shard"]?.scalarText ?? "").split(separator: "/").compactMap { Int($0) }
        guard shard.count == 2, let slice = DrawSlice(index: shard[0], count: shard[1]), let samples = int("samples"),
            let seed = json["seed"]?.scalarText.flatMap(UInt64.init), let draws = int("draws"),
            let accepted = json["accepted"]?.items?.compactMap(ints), accepted.count == json["accepted"]?.items?.count,
            let acceptedByAll = ints(json["acceptedByAll"]), let zoneNonEmpty = int("zoneNonEmpty"),
            let inZone = ints(json["inZone"])
        else { throw RequestError("\(name): its counts do not read") }
        self.init(
            request: request, scenarioFingerprint: fingerprint,
            counts: AcceptanceCounts(
                slice: slice, samples: samples, seed: seed, draws: draws, accepted: accepted,
                acceptedByAll: acceptedByAll, zoneNonEmpty: zoneNonEmpty, inZone: inZone))
    }
}
