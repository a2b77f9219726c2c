import AccordKit
import AccordStore

extension StoredRun {
    /// The run as the API answers it: the record, the scenario it ran on, and the result document.
    func document(includingResult: Bool = true) -> JSONValue {
        let record = self.record
        let parameters = (try? JSONValue(parsing: record.parameters)) ?? .string(record.parameters)
        var members: [(String, JSONValue)] = [
            ("id", .string(record.id)), ("operation", .string(record.operation.rawValue)),
            ("status", .string(record.status.rawValue)), ("scenario", scenarioID.map(JSONValue.string) ?? .null),
            ("scenarioVersion", scenarioVersion.map(JSONValue.int) ?? .null),
            ("inputFingerprint", .string(record.inputFingerprint)), ("parameters", parameters),
            ("accordVersion", .string(record.accordVersion)), ("startedAt", .string(ISO8601.string(record.startedAt))),
            ("finishedAt", record.finishedAt.map { .string(ISO8601.string($0)) } ?? .null),
            ("error", record.error.map(JSONValue.string) ?? .null),
        ]
        if includingResult {
            members.append(("result", record.result.map { (try? JSONValue(parsing: $0)) ?? .string($0) } ?? .null))
        }
        members.append(("links", links))
        return .object(members)
    }

    private var links: JSONValue {
        let base = "/api/v1/runs/\(record.id)"
        return .object([
            ("self", .string(base)), ("events", .string(base + "/events")),
            ("reports", .object(ReportFormat.allCases.map { ($0.rawValue, .string(base + "?format=" + $0.rawValue)) })),
        ])
    }
}
