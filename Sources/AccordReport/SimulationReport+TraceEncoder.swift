import AccordCore
import AccordFormats
import AccordNegotiation

extension SimulationReport {
    /// Writes the actions of a session as the JSON objects of its trace: the `trace` entries of the JSON report and
    /// the lines of the `--trace` file, one at a time, so that a caller can stream every action of a long session.
    ///
    /// ``json(_:)`` builds the value; ``append(_:to:)`` writes the same bytes as that value's compact serialisation
    /// straight into a byte buffer, from pieces prepared once per domain (each issue's `"id":level` for every level,
    /// each party's `"id":`, each action's name), so that a line costs no allocation but the text of its numbers.
    public struct TraceEncoder: Sendable {
        /// The domain the session ran on.
        public let domain: NegotiationDomain
        private let shell: ScenarioJSON
        private let pieces: Pieces

        /// An encoder for the actions of sessions on `domain`.
        public init(domain: NegotiationDomain) {
            self.domain = domain
            shell = ScenarioJSON(scenario: domain.scenario)
            pieces = Pieces(shell: shell)
        }

        /// One action: `round`, `t`, `party`, `action`, `outcome`, `utilities`, and `issue` (objections) or
        /// `options` (expiries).
        public func json(_ event: TraceEvent) -> JSONValue {
            let scenario = domain.scenario
            var fields: [(String, JSONValue)] = [
                ("round", .int(event.round)), ("t", .number(event.t)),
                ("party", event.party.map { .string(scenario.parties[$0].id) } ?? .null),
                ("action", .string(event.kind.rawValue)),
                ("outcome", event.outcome.map { shell.outcomeJSON(domain.outcome($0)) } ?? .null),
                ("utilities", event.outcome.map { utilitiesJSON(of: $0) } ?? .null),
            ]
            switch event.kind {
            case .object: fields.append(("issue", event.issue.map { .string(scenario.issues[$0].id) } ?? .null))
            case .expire: fields.append(("options", .array(event.options.map(JSONValue.string))))
            default: break
            }
            return .object(fields)
        }

        /// One action as one line of JSON Lines: a compact object, without the newline.
        public func line(_ event: TraceEvent) -> String {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(512)
            append(event, to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }

        /// Appends one action to `output` as ``line(_:)`` writes it (without the newline): the bytes of
        /// `json(event).serialized(indent: 0)`.
        ///
        /// - Complexity: O(issues + parties) copies of prepared bytes, and the text of the time and the utilities.
        public func append(_ event: TraceEvent, to output: inout [UInt8]) {
            pieces.append(event, utilities: domain.utilities, to: &output)
        }

        private func utilitiesJSON(of outcome: Int) -> JSONValue {
            shell.utilitiesJSON(domain.scenario.parties.indices.map { domain.utilities[$0][outcome] })
        }
    }
}

/// The bytes a ``SimulationReport/TraceEncoder`` writes again and again, each made once by serialising the JSON value
/// the encoder's ``SimulationReport/TraceEncoder/json(_:)`` would hold there, so that both give the same text; kept
/// back to back in one array (piece `k` is `bytes[starts[k]..<starts[k + 1]]`), in a class, so that copying a line's
/// pieces costs one reference count, not one per piece.
private final class Pieces: Sendable {
    let bytes: [UInt8]
    let starts: [Int]
    /// The first piece of each kind: each party's id as a JSON string; each issue's id as a JSON string; each party's
    /// `"id":` in a utilities object, with the comma before every one but the first; every level of every issue as
    /// a member of an outcome object, `"id":level`, with the comma before every issue but the first (issue `i`'s
    /// levels from `firstLevel[i]` on); the actions' names as JSON strings, in the order of `actionIndex(_:)`.
    let partyName: Int, issueName: Int, utilityKey: Int, action: Int
    /// The number of parties (a utilities object has one member per party and per utility, as `zip` pairs them).
    let partyCount: Int
    let firstLevel: [Int]
    /// Each issue's number of levels, and the number of outcomes that share a level of it (the product of the later
    /// issues' radices).
    let radices: [Int]
    let strides: [Int]

    init(shell: ScenarioJSON) {
        var pieces: [[UInt8]] = []
        let add = { (bytes: [UInt8]) in pieces.append(bytes) }
        let json = { (value: JSONValue) in Array(value.serialized(indent: 0).utf8) }
        let comma = { (index: Int) -> [UInt8] in index > 0 ? [UInt8(ascii: ",")] : [] }
        let (parties, issues) = (shell.parties, shell.space.issues)
        partyName = 0
        partyCount = parties.count
        for party in parties { add(json(.string(party.id))) }
        issueName = pieces.count
        for issue in issues { add(json(.string(issue.id))) }
        utilityKey = pieces.count
        for (index, party) in parties.enumerated() { add(comma(index) + json(.string(party.id)) + Array(":".utf8)) }
        var firstLevel: [Int] = []
        for (index, issue) in issues.enumerated() {
            firstLevel.append(pieces.count)
            let key = comma(index) + json(.string(issue.id)) + Array(":".utf8)
            for level in 0..<issue.levelCount { add(key + json(shell.levelJSON(issue, level))) }
        }
        self.firstLevel = firstLevel
        action = pieces.count
        for kind in [TraceEvent.Kind.offer, .accept, .end, .expire, .object] { add(json(.string(kind.rawValue))) }
        bytes = pieces.flatMap { $0 }
        starts = pieces.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        radices = shell.space.radices
        var strides = [Int](repeating: 1, count: radices.count)
        for issue in radices.indices.dropLast().reversed() { strides[issue] = strides[issue + 1] * radices[issue + 1] }
        self.strides = strides
    }

    private static func actionIndex(_ kind: TraceEvent.Kind) -> Int {
        switch kind {
        case .offer: 0
        case .accept: 1
        case .end: 2
        case .expire: 3
        case .object: 4
        }
    }

    /// Appends the action's object, `{"round":…}`.
    func append(_ event: TraceEvent, utilities: [[Double]], to output: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { all in
            func piece(_ index: Int) {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: all[starts[index]..<starts[index + 1]]))
            }
            func pieceOrNull(_ index: Int?) {
                if let index { piece(index) } else { output.append(contentsOf: "null".utf8) }
            }
            output.append(contentsOf: #"{"round":"#.utf8)
            output.append(contentsOf: String(event.round).utf8)
            output.append(contentsOf: #","t":"#.utf8)
            output.append(contentsOf: JSONValue.format(event.t).utf8)
            output.append(contentsOf: #","party":"#.utf8)
            pieceOrNull(event.party.map { partyName + $0 })
            output.append(contentsOf: #","action":"#.utf8)
            piece(action + Self.actionIndex(event.kind))
            output.append(contentsOf: #","outcome":"#.utf8)
            if let outcome = event.outcome {
                output.append(UInt8(ascii: "{"))
                for issue in radices.indices { piece(firstLevel[issue] + outcome / strides[issue] % radices[issue]) }
                output.append(contentsOf: #"},"utilities":{"#.utf8)
                for party in 0..<Swift.min(partyCount, utilities.count) {
                    piece(utilityKey + party)
                    output.append(contentsOf: JSONValue.format(utilities[party][outcome]).utf8)
                }
                output.append(UInt8(ascii: "}"))
            } else {
                output.append(contentsOf: #"null,"utilities":null"#.utf8)
            }
            switch event.kind {
            case .object:
                output.append(contentsOf: #","issue":"#.utf8)
                pieceOrNull(event.issue.map { issueName + $0 })
            case .expire:
                output.append(contentsOf: #","options":"#.utf8)
                output.append(
                    contentsOf: JSONValue.array(event.options.map(JSONValue.string)).serialized(indent: 0).utf8)
            default: break
            }
            output.append(UInt8(ascii: "}"))
        }
    }
}
