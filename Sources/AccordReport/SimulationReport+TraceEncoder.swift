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
        /// - Complexity: O(issues + parties) appends of prepared bytes, and the text of the time and the utilities.
        public func append(_ event: TraceEvent, to output: inout [UInt8]) {
            output.append(contentsOf: #"{"round":"#.utf8)
            output.append(contentsOf: String(event.round).utf8)
            output.append(contentsOf: #","t":"#.utf8)
            output.append(contentsOf: JSONValue.format(event.t).utf8)
            output.append(contentsOf: #","party":"#.utf8)
            if let party = event.party { output.append(contentsOf: pieces.partyNames[party]) } else { null(&output) }
            output.append(contentsOf: #","action":"#.utf8)
            output.append(contentsOf: pieces.actionName(event.kind))
            output.append(contentsOf: #","outcome":"#.utf8)
            if let outcome = event.outcome { appendOutcome(outcome, to: &output) } else { null(&output) }
            output.append(contentsOf: #","utilities":"#.utf8)
            if let outcome = event.outcome { appendUtilities(of: outcome, to: &output) } else { null(&output) }
            switch event.kind {
            case .object:
                output.append(contentsOf: #","issue":"#.utf8)
                if let issue = event.issue {
                    output.append(contentsOf: pieces.issueNames[issue])
                } else {
                    null(&output)
                }
            case .expire:
                output.append(contentsOf: #","options":"#.utf8)
                output.append(
                    contentsOf: JSONValue.array(event.options.map(JSONValue.string)).serialized(indent: 0).utf8)
            default: break
            }
            output.append(UInt8(ascii: "}"))
        }

        private func null(_ output: inout [UInt8]) { output.append(contentsOf: "null".utf8) }

        /// `{"issue":level,…}`, the levels read off the outcome's mixed-radix index most significant first.
        private func appendOutcome(_ outcome: Int, to output: inout [UInt8]) {
            output.append(UInt8(ascii: "{"))
            for issue in pieces.radices.indices {
                let level = outcome / pieces.strides[issue] % pieces.radices[issue]
                output.append(contentsOf: pieces.levelMembers[pieces.firstLevel[issue] + level])
            }
            output.append(UInt8(ascii: "}"))
        }

        /// `{"party":utility,…}`.
        private func appendUtilities(of outcome: Int, to output: inout [UInt8]) {
            output.append(UInt8(ascii: "{"))
            for party in pieces.utilityKeys.indices {
                output.append(contentsOf: pieces.utilityKeys[party])
                output.append(contentsOf: JSONValue.format(domain.utilities[party][outcome]).utf8)
            }
            output.append(UInt8(ascii: "}"))
        }

        private func utilitiesJSON(of outcome: Int) -> JSONValue {
            shell.utilitiesJSON(domain.scenario.parties.indices.map { domain.utilities[$0][outcome] })
        }
    }
}

/// The bytes a ``SimulationReport/TraceEncoder`` writes again and again, each made once by serialising the JSON value
/// the encoder's ``SimulationReport/TraceEncoder/json(_:)`` would hold there, so that both give the same text.
private struct Pieces: Sendable {
    /// Each party's id as a JSON string.
    let partyNames: [[UInt8]]
    /// Each issue's id as a JSON string.
    let issueNames: [[UInt8]]
    /// Each party's `"id":` in a utilities object, with the comma before every one but the first.
    let utilityKeys: [[UInt8]]
    /// Every level of every issue as a member of an outcome object, `"id":level`, with the comma before every issue
    /// but the first; issue `i`'s levels start at `firstLevel[i]`.
    let levelMembers: [[UInt8]]
    let firstLevel: [Int]
    /// Each issue's number of levels, and the number of outcomes that share a level of it (the product of the later
    /// issues' radices).
    let radices: [Int]
    let strides: [Int]
    /// The actions' names as JSON strings, in the order of ``actionName(_:)``.
    private let actionNames: [[UInt8]]

    init(shell: ScenarioJSON) {
        let bytes = { (value: JSONValue) in Array(value.serialized(indent: 0).utf8) }
        let comma = { (index: Int) -> [UInt8] in index > 0 ? [UInt8(ascii: ",")] : [] }
        let issues = shell.space.issues
        partyNames = shell.parties.map { bytes(.string($0.id)) }
        issueNames = issues.map { bytes(.string($0.id)) }
        utilityKeys = shell.parties.indices.map {
            comma($0) + bytes(.string(shell.parties[$0].id)) + [UInt8(ascii: ":")]
        }
        var members: [[UInt8]] = []
        var first: [Int] = []
        for (index, issue) in issues.enumerated() {
            first.append(members.count)
            let key = comma(index) + bytes(.string(issue.id)) + [UInt8(ascii: ":")]
            for level in 0..<issue.levelCount { members.append(key + bytes(shell.levelJSON(issue, level))) }
        }
        levelMembers = members
        firstLevel = first
        radices = shell.space.radices
        var strides = [Int](repeating: 1, count: radices.count)
        for issue in radices.indices.dropLast().reversed() { strides[issue] = strides[issue + 1] * radices[issue + 1] }
        self.strides = strides
        actionNames = [TraceEvent.Kind.offer, .accept, .end, .expire, .object].map { bytes(.string($0.rawValue)) }
    }

    func actionName(_ kind: TraceEvent.Kind) -> [UInt8] {
        switch kind {
        case .offer: actionNames[0]
        case .accept: actionNames[1]
        case .end: actionNames[2]
        case .expire: actionNames[3]
        case .object: actionNames[4]
        }
    }
}
