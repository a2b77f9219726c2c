import AccordStore
import Foundation

/// A ``PostgresStore`` in a test schema of its own, which closing drops.
struct SchemaDroppingStore: WorkspaceStore {
    let store: PostgresStore
    let serverURL: String
    let schema: String

    func scenarios() async throws -> [StoredScenario] { try await store.scenarios() }
    func scenario(id: String) async throws -> StoredScenario? { try await store.scenario(id: id) }
    func scenarioVersions(id: String) async throws -> [StoredScenario] { try await store.scenarioVersions(id: id) }
    func saveScenario(_ scenario: StoredScenario) async throws { try await store.saveScenario(scenario) }
    func deleteScenario(id: String) async throws -> Bool { try await store.deleteScenario(id: id) }
    func insertRun(_ run: StoredRun) async throws { try await store.insertRun(run) }
    func updateRun(_ run: StoredRun) async throws { try await store.updateRun(run) }
    func run(id: String) async throws -> StoredRun? { try await store.run(id: id) }
    func runs(matching filter: RunFilter) async throws -> [StoredRun] { try await store.runs(matching: filter) }

    func interruptUnfinishedRuns(at date: Date) async throws -> [StoredRun] {
        try await store.interruptUnfinishedRuns(at: date)
    }

    func close() async throws {
        try await store.close()
        try await TestDatabases.dropSchema(schema, serverURL: serverURL)
    }
}
