import AccordKit
import Foundation

/// A run kept by a ``WorkspaceStore``: the run record, the scenario it is about, the request that started it (so
/// that a tournament cut off by a stop can resume) and its reports, one per format, as the CLI prints them.
public struct StoredRun: Sendable, Equatable {
    /// The run record (id, operation, input fingerprint, parameters, version, times, status, result document).
    public var record: RunRecord
    /// The stored or bundled scenario id it ran on, when it ran on one.
    public var scenarioID: String?
    /// The scenario version it ran on, when it ran on a stored scenario.
    public var scenarioVersion: Int?
    /// The request body that started it (JSON text).
    public var request: String
    /// The reports by format name (`text`, `markdown`, `html`, `json`), once the run succeeded.
    public var reports: [String: String]

    /// Creates a stored run.
    public init(
        record: RunRecord, scenarioID: String? = nil, scenarioVersion: Int? = nil, request: String = "{}",
        reports: [String: String] = [:]
    ) {
        self.record = record
        self.scenarioID = scenarioID
        self.scenarioVersion = scenarioVersion
        self.request = request
        self.reports = reports
    }

    /// The run's id.
    public var id: String { record.id }
}
