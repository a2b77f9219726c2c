import AccordKit
import AccordStore
import Foundation
import Testing

/// The contract of ``WorkspaceStore``, run against every implementation.
@Suite struct WorkspaceStoreTests {
    static let yaml = "accord: 1\nname: Test\n"

    @Test(arguments: StoreKind.allCases)
    func scenarioVersionsAreKeptAndTheLatestIsServed(kind: StoreKind) async throws {
        guard let store = try await kind.makeStore() else { return }
        defer { Task { try? await store.close() } }
        let id = "talks-" + UUID().uuidString.prefix(8).lowercased()
        try await store.saveScenario(StoredScenario(id: id, name: "Talks", text: Self.yaml, format: "yaml"))
        try await store.saveScenario(
            StoredScenario(id: id, version: 2, name: "Talks, revised", text: Self.yaml + "# 2\n", format: "yaml"))
        let latest = try #require(try await store.scenario(id: id))
        #expect(latest.version == 2)
        #expect(latest.name == "Talks, revised")
        #expect(latest.text.hasSuffix("# 2\n"))
        #expect(try await store.scenarioVersions(id: id).map(\.version) == [1, 2])
        #expect(try await store.scenarios().filter { $0.id == id }.map(\.version) == [2])
        await #expect(throws: StoreError.self) {
            try await store.saveScenario(StoredScenario(id: id, version: 2, name: "Again", text: "x", format: "yaml"))
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aDeletedScenarioLeavesTheListButKeepsItsVersions(kind: StoreKind) async throws {
        guard let store = try await kind.makeStore() else { return }
        defer { Task { try? await store.close() } }
        let id = "gone-" + UUID().uuidString.prefix(8).lowercased()
        try await store.saveScenario(StoredScenario(id: id, name: "Gone", text: Self.yaml, format: "yaml"))
        #expect(try await store.deleteScenario(id: id))
        #expect(try await store.deleteScenario(id: id) == false)
        #expect(try await store.scenario(id: id) == nil)
        #expect(try await store.scenarios().contains { $0.id == id } == false)
        #expect(try await store.scenarioVersions(id: id).count == 1)
        #expect(try await store.deleteScenario(id: "never-" + UUID().uuidString) == false)
    }

    @Test(arguments: StoreKind.allCases)
    func runsAreStoredUpdatedListedAndFiltered(kind: StoreKind) async throws {
        guard let store = try await kind.makeStore() else { return }
        defer { Task { try? await store.close() } }
        let scenario = "s-" + UUID().uuidString.prefix(8).lowercased()
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        var analysis = StoredRun(
            record: RunRecord(
                operation: .analyze, inputFingerprint: "abc", parameters: "{}", startedAt: start, status: .running),
            scenarioID: scenario, scenarioVersion: 1, request: #"{"seed": 3}"#)
        try await store.insertRun(analysis)
        analysis.record.status = .succeeded
        analysis.record.finishedAt = start.addingTimeInterval(1.5)
        analysis.record.result = #"{"zone": 3}"#
        analysis.reports = ["text": "Zone: 3 packages\n", "html": "<p>3</p>"]
        try await store.updateRun(analysis)
        let simulation = StoredRun(
            record: RunRecord(
                operation: .simulate, inputFingerprint: "def", parameters: "{}",
                startedAt: start.addingTimeInterval(10),
                status: .queued),
            scenarioID: scenario)
        try await store.insertRun(simulation)

        let read = try #require(try await store.run(id: analysis.id))
        #expect(read == analysis)
        #expect(read.record.finishedAt == start.addingTimeInterval(1.5))
        let listed = try await store.runs(matching: RunFilter(scenarioID: scenario))
        #expect(listed.map(\.id) == [simulation.id, analysis.id])
        #expect(listed.allSatisfy { $0.reports.isEmpty })
        #expect(
            try await store.runs(matching: RunFilter(scenarioID: scenario, operation: .analyze)).map(\.id) == [
                analysis.id
            ])
        #expect(try await store.runs(matching: RunFilter(scenarioID: scenario, limit: 1)).map(\.id) == [simulation.id])
        #expect(try await store.run(id: "no-such-run") == nil)
    }

    @Test(arguments: StoreKind.allCases)
    func unfinishedRunsAreMarkedInterrupted(kind: StoreKind) async throws {
        guard let store = try await kind.makeStore() else { return }
        defer { Task { try? await store.close() } }
        let scenario = "i-" + UUID().uuidString.prefix(8).lowercased()
        let running = StoredRun(
            record: RunRecord(operation: .tournament, inputFingerprint: "", parameters: "{}", status: .running),
            scenarioID: scenario)
        let done = StoredRun(
            record: RunRecord(
                operation: .analyze, inputFingerprint: "", parameters: "{}", finishedAt: Date(), status: .succeeded),
            scenarioID: scenario)
        try await store.insertRun(running)
        try await store.insertRun(done)
        let stop = Date(timeIntervalSince1970: 1_900_000_000)
        let interrupted = try await store.interruptUnfinishedRuns(at: stop)
        #expect(interrupted.map(\.id).contains(running.id))
        #expect(!interrupted.map(\.id).contains(done.id))
        #expect(try await store.run(id: running.id)?.record.status == .interrupted)
        #expect(try await store.run(id: running.id)?.record.finishedAt == stop)
        #expect(try await store.run(id: done.id)?.record.status == .succeeded)
    }

    @Test(arguments: StoreKind.allCases)
    func timesAreKeptToTheMillisecond(kind: StoreKind) async throws {
        guard let store = try await kind.makeStore() else { return }
        defer { Task { try? await store.close() } }
        func rounded(_ date: Date) -> Date {
            Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
        }
        var generator = SystemRandomNumberGenerator()
        let scenario = "t-" + UUID().uuidString.prefix(8).lowercased()
        // Times a hair below a millisecond, just above one, and anywhere between 1902 and 2100.
        let times =
            [1_800_000_000.123_999_9, 1_800_000_000.000_000_1, 0.000_5, -2_000_000_000.001_5]
            + (0..<40).map { _ in Double.random(in: -2_100_000_000...4_100_000_000, using: &generator) }
        for (index, seconds) in times.enumerated() {
            let start = Date(timeIntervalSince1970: seconds)
            let run = StoredRun(
                record: RunRecord(
                    id: "\(scenario)-\(index)", operation: .analyze, inputFingerprint: "", parameters: "{}",
                    startedAt: start, finishedAt: start.addingTimeInterval(0.000_7), status: .succeeded),
                scenarioID: scenario)
            try await store.insertRun(run)
            let read = try #require(try await store.run(id: run.id))
            #expect(read.record.startedAt == rounded(start), "\(seconds)")
            #expect(read.record.finishedAt == rounded(start.addingTimeInterval(0.000_7)), "\(seconds)")
        }
        let created = Date(timeIntervalSince1970: 1_800_000_000.987_654_3)
        try await store.saveScenario(
            StoredScenario(id: scenario, name: "Times", text: Self.yaml, format: "yaml", createdAt: created))
        #expect(try await store.scenario(id: scenario)?.createdAt == rounded(created))
        let listed = try await store.runs(matching: RunFilter(scenarioID: scenario, limit: 1000))
        #expect(listed.map(\.record.startedAt) == times.map { rounded(Date(timeIntervalSince1970: $0)) }.sorted(by: >))
    }

    @Test func aFileStoreKeepsItsRowsAcrossReopening() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accord-reopen-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("accord.sqlite").path
        let first = try SQLiteStore(path: path)
        try await first.saveScenario(StoredScenario(id: "kept", name: "Kept", text: Self.yaml, format: "yaml"))
        try await first.close()
        let second = try SQLiteStore(path: path)
        #expect(try await second.scenario(id: "kept")?.name == "Kept")
        try await second.close()
    }

    @Test func anUnopenableFileIsOneSentence() throws {
        let error = try #require(throws: StoreError.self) {
            try SQLiteStore(path: "/proc/no-such-folder/accord.sqlite")
        }
        #expect(
            error.sentence.hasPrefix(
                "the store failed: cannot open the SQLite database '/proc/no-such-folder/accord.sqlite'"))
        #expect(!error.sentence.contains("\n"))
        #expect(error.exitStatus == .failure)
    }

    @Test func theDatabaseOptionNamesTheStore() {
        #expect(StoreLocation(argument: nil) == .sqlite(path: "accord.sqlite"))
        #expect(StoreLocation(argument: "runs/a.db") == .sqlite(path: "runs/a.db"))
        #expect(
            StoreLocation(argument: "postgres://u:secret@localhost/accord")
                == .postgres(url: "postgres://u:secret@localhost/accord"))
        #expect(
            StoreLocation(argument: "postgres://u:secret@localhost/accord").displayName
                == "postgres://u:***@localhost/accord")
    }
}
