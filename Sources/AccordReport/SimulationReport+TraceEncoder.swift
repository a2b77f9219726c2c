import AccordCore
import AccordFormats
import AccordNegotiation

extension SimulationReport {
    /// Writes the actions of a session as the JSON objects of its trace: the `trace` entries of the JSON report and
    /// the lines of the `--trace` file, one at a time, so that a caller can stream every action of a long session.
    public struct TraceEncoder: Sendable {
        /// The domain the session ran on.
        public let domain: NegotiationDomain
        private let shell: ScenarioJSON

        /// An encoder for the actions of sessions on `domain`.
        public init(domain: NegotiationDomain) {
            self.domain = domain
            shell = ScenarioJSON(scenario: domain.scenario)
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
            json(event).serialized(indent: 0)
        }

        private func utilitiesJSON(of outcome: Int) -> JSONValue {
            shell.utilitiesJSON(domain.scenario.parties.indices.map { domain.utilities[$0][outcome] })
        }
    }
}
