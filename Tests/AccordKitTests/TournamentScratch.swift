import AccordKit
import Foundation
import Synchronization

/// A temporary folder holding a small tournament specification: 3 agents, every ordered pair with self-play (9)
/// on the bundled job-offer scenario, 2 repetitions — 18 negotiations.
struct TournamentScratch: ~Copyable {
    static let negotiations = 18

    static let specification = """
        accord_tournament: 1
        name: Kit
        agents: [boulware, conceder, tit-for-tat]
        scenarios: [job-offer]
        deadline: {rounds: 60}
        repetitions: 2
        seed: 5
        """

    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("accord-kit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        _ = try file("spec.yaml", Self.specification)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The specification's path.
    var spec: String { path("spec.yaml") }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes a file into the folder and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        try text.write(toFile: path(name), atomically: true, encoding: .utf8)
        return path(name)
    }

    func read(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }

    /// The number of records in the progress log of the results folder `folder` (a name inside the scratch folder).
    func recordCount(_ folder: String) throws -> Int {
        try read(folder + "/progress.jsonl").split(separator: "\n").filter { $0.hasPrefix("{\"id\":") }.count
    }
}
