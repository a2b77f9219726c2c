import AccordKit
import Synchronization

/// Parsed scenarios by id and version, so that the quick routes (what-if) parse a scenario once, not on every
/// request; the most recently used ``limit`` are kept. A new version is a new key, so an edit is never served
/// stale.
final class ParsedScenarios: Sendable {
    static let limit = 32

    private let entries = Mutex<[(key: String, scenario: Scenario)]>([])

    /// The parsed scenario (its errors are those of the scenario reader).
    func scenario(of scenario: WorkspaceScenario) async throws -> Scenario {
        let key = "\(scenario.id)@\(scenario.version.map(String.init) ?? "bundled")"
        if let found = entries.withLock({ entries -> Scenario? in
            guard let index = entries.firstIndex(where: { $0.key == key }) else { return nil }
            let entry = entries.remove(at: index)
            entries.append(entry)
            return entry.scenario
        }) {
            return found
        }
        let parsed = try scenario.source.scenario()
        entries.withLock { entries in
            entries.removeAll { $0.key == key }
            entries.append((key, parsed))
            if entries.count > Self.limit { entries.removeFirst() }
        }
        return parsed
    }
}
