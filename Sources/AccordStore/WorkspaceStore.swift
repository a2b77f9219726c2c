import AccordKit
import Foundation

/// Where the server keeps its scenarios and runs: one protocol, implemented on SQLite (``SQLiteStore``, the embedded
/// default) and on PostgreSQL (``PostgresStore``, for teams). Both pass the same test suite.
///
/// Every write is one transaction: when a method returns, what it wrote survives a crash of the process. Methods
/// throw ``StoreError`` when the database fails; a missing row is `nil` or `false`, not an error.
public protocol WorkspaceStore: Sendable {
    /// The latest version of every scenario that is not deleted, oldest first.
    func scenarios() async throws -> [StoredScenario]

    /// The latest version of a scenario, or `nil` when there is none (or it was deleted).
    func scenario(id: String) async throws -> StoredScenario?

    /// Every version of a scenario, the first first (empty when there is none).
    func scenarioVersions(id: String) async throws -> [StoredScenario]

    /// Stores a scenario version; the store keeps every earlier version. Throws ``StoreError/conflict(_:)`` when
    /// that id and version already exist.
    func saveScenario(_ scenario: StoredScenario) async throws

    /// Marks a scenario deleted (its versions and runs stay readable by id); `false` when there was none.
    func deleteScenario(id: String) async throws -> Bool

    /// Stores a new run (queued or running, or already finished) with its reports.
    func insertRun(_ run: StoredRun) async throws

    /// Replaces a stored run's record and reports (its status, end time, result).
    func updateRun(_ run: StoredRun) async throws

    /// A run with its reports, or `nil`.
    func run(id: String) async throws -> StoredRun?

    /// The runs that match the filter, newest first, without their reports.
    func runs(matching filter: RunFilter) async throws -> [StoredRun]

    /// Marks every queued or running run interrupted, ending it at `date`, and returns them: what a start does
    /// after a stop that cut runs off.
    func interruptUnfinishedRuns(at date: Date) async throws -> [StoredRun]

    /// Closes the connections; the store is not used afterwards.
    func close() async throws
}
