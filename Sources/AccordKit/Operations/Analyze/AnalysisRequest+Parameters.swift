extension AnalysisRequest {
    /// The request whose ``parameters`` are `parameters`: how a merge of shards (``AnalysisMergeRequest``) runs the
    /// analysis the shards were cut from. Options the parameters do not hold keep their defaults (``parallelism``
    /// changes no result).
    ///
    /// - Throws: ``RequestError`` naming the first field that does not read; a scenario given as text cannot be
    ///   read back (its text is not among the parameters).
    public init(parameters: JSONValue) throws(RequestError) {
        self.init(source: try Self.source(parameters["scenario"]))
        issues = try Self.optional(parameters, "issues") {
            $0.items?.compactMap { value in
                if case .string(let text) = value { return text } else { return nil }
            }
        }
        if let pair = parameters["plot"]?.items, pair.count == 2, case .string(let x) = pair[0],
            case .string(let y) = pair[1]
        {
            plot = PartyPair(x: x, y: y)
        }
        maxOutcomes = try Self.int(parameters, "maxOutcomes") ?? maxOutcomes
        round = try Self.int(parameters, "round")
        date = try Self.optional(parameters, "date") { $0.scalarText }
        diagnosticsLimit = try Self.int(parameters, "diagnosticsLimit") ?? diagnosticsLimit
        sensitivityLimit = try Self.int(parameters, "sensitivityLimit") ?? sensitivityLimit
        limit = try Self.int(parameters, "limit")
        exportZone = try Self.optional(parameters, "exportZone") { $0.scalarText }
        exportFrontier = try Self.optional(parameters, "exportFrontier") { $0.scalarText }
        samples = try Self.int(parameters, "samples")
        seed = try Self.optional(parameters, "seed") { $0.scalarText.flatMap(UInt64.init) } ?? seed
        parity = parameters["parity"] == .bool(true)
        tracksEveryPackage = parameters["allPackages"] == .bool(true)
        candidates = try Self.int(parameters, "candidates") ?? candidates
    }

    private static func source(_ value: JSONValue?) throws(RequestError) -> ScenarioSource {
        if case .string(let name)? = value?["bundled"] { return .bundled(name) }
        if case .string(let path)? = value?["file"] { return .file(path) }
        if case .string(let path)? = value?["geniusFolder"] { return .geniusFolder(path) }
        if case .string(let domain)? = value?["domain"], let profiles = value?["profiles"]?.items {
            return .geniusFiles(domain: domain, profiles: profiles.compactMap(\.scalarText))
        }
        throw RequestError(
            "the request's scenario is not a file, a bundled name or GENIUS files, so it cannot be read again")
    }

    /// A field read by `read`, `nil` when absent or null; a present value that does not read is an error.
    private static func optional<T>(_ parameters: JSONValue, _ key: String, _ read: (JSONValue) -> T?)
        throws(RequestError) -> T?
    {
        guard let value = parameters[key], value != .null else { return nil }
        guard let read = read(value) else { throw RequestError("the request's '\(key)' does not read") }
        return read
    }

    private static func int(_ parameters: JSONValue, _ key: String) throws(RequestError) -> Int? {
        try optional(parameters, key) { $0.scalarText.flatMap { Int($0) } }
    }
}
