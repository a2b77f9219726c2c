import AccordCore
import AccordNegotiation
import Foundation

/// Loads tournament specifications (YAML or JSON; docs/tournaments.md).
public enum TournamentLoader {
    /// Loads a specification file; scenario paths in it are relative to the file's folder.
    public static func load(path: String) throws(ScenarioError) -> TournamentSpecification {
        let lower = path.lowercased()
        guard lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") || lower.hasSuffix(".json") else {
            throw .unreadable(file: path, reason: "a tournament specification ends in .yaml, .yml or .json")
        }
        let text = try readTextFile(path)
        let folder = (path as NSString).deletingLastPathComponent
        return try parse(text, file: path, folder: folder.isEmpty ? "." : folder)
    }

    /// Parses specification text; `folder` resolves relative scenario paths.
    public static func parse(_ text: String, file: String = "(tournament)", folder: String = ".") throws(ScenarioError)
        -> TournamentSpecification
    {
        let root: DocumentNode
        do {
            root = try DocumentNode.parse(yaml: text)
        } catch {
            throw .syntax(file: file, line: error.line, column: error.column, message: error.message)
        }
        var reader = ScenarioReader()
        guard let specification = reader.readTournament(root, folder: folder), reader.problems.isEmpty else {
            throw .invalid(file: file, problems: reader.problems)
        }
        return specification
    }
}

extension ScenarioReader {
    mutating func readTournament(_ root: DocumentNode, folder: String) -> TournamentSpecification? {
        guard let entries = mapping(root, "(document)") else { return nil }
        rejectUnknownKeys(
            entries, "(document)",
            allowed: [
                "accord_tournament", "name", "agents", "scenarios", "mechanism", "deadline", "repetitions", "roles",
                "self_play", "seed", "time_limit",
            ])
        if let version = root["accord_tournament"] {
            if version.scalar != "1" {
                problem("accord_tournament", version, "expected 1, the only version of the tournament format")
            }
        } else {
            problem(
                "accord_tournament", nil, "is missing; a tournament specification starts with 'accord_tournament: 1'")
        }
        let name = string(root["name"], "name", required: false) ?? "tournament"

        // Agents: a name (its own identifier) or {id, agent}.
        var competitors: [Tournament.Competitor] = []
        for (index, item) in (list(root["agents"], "agents") ?? []).enumerated() {
            let path = "agents[\(index)]"
            var id: String?
            var text: String?
            if item.entries != nil {
                rejectUnknownKeys(item.entries ?? [], path, allowed: ["id", "agent"])
                text = string(item["agent"], "\(path).agent")
                id = item["id"] == nil ? text : identifier(item["id"], "\(path).id")
            } else {
                text = string(item, path)
                id = text
            }
            guard let id, let text else { continue }
            do {
                let agent = try AgentSpecification(parsing: text)
                if competitors.contains(where: { $0.id == id }) {
                    problem(path, item, "the agent '\(id)' is listed twice; give the second an 'id' of its own")
                } else {
                    competitors.append(Tournament.Competitor(id: id, agent: agent))
                }
            } catch {
                problem(path, item, error.description)
            }
        }
        if root["agents"] != nil && competitors.isEmpty && problems.isEmpty {
            problem("agents", root["agents"], "is empty; list at least one agent")
        }

        // Scenarios: a bundled name, a scenario file, a GENIUS folder, or {name, path | genius | domain+profiles}.
        var scenarioEntries: [Tournament.Entry] = []
        var sources: [String] = []
        var digests: [String] = []
        for (index, item) in (list(root["scenarios"], "scenarios") ?? []).enumerated() {
            let path = "scenarios[\(index)]"
            guard let loaded = readTournamentScenario(item, path, folder: folder) else { continue }
            if scenarioEntries.contains(where: { $0.name == loaded.entry.name }) {
                problem(
                    path, item,
                    "a scenario named '\(loaded.entry.name)' is already in the tournament; give this one a 'name'")
                continue
            }
            scenarioEntries.append(loaded.entry)
            sources.append(loaded.source)
            digests.append(loaded.digest)
        }
        if root["scenarios"] != nil && scenarioEntries.isEmpty && problems.isEmpty {
            problem("scenarios", root["scenarios"], "is empty; list at least one scenario")
        }

        var mechanism = MechanismKind.alternating
        if let text = string(root["mechanism"], "mechanism", required: false) {
            do { mechanism = try MechanismKind(name: text) } catch {
                problem("mechanism", root["mechanism"], error.description)
            }
        }
        var rounds: Int?
        var seconds: Double?
        if let deadline = mapping(root["deadline"], "deadline") {
            rejectUnknownKeys(deadline, "deadline", allowed: ["rounds", "seconds"])
            rounds = wholeNumber(root["deadline"]?["rounds"], "deadline.rounds", minimum: 1)
            seconds = number(root["deadline"]?["seconds"], "deadline.seconds", required: false)
            if rounds == nil && seconds == nil && root["deadline"]?["rounds"] == nil {
                problem("deadline", root["deadline"], "give rounds, seconds or both")
            }
        }
        var deadline: Deadline?
        if rounds != nil || seconds != nil {
            do { deadline = try Deadline(rounds: rounds, seconds: seconds) } catch {
                problem("deadline", root["deadline"], error.description)
            }
        }
        let repetitions = root["repetitions"] == nil ? 1 : wholeNumber(root["repetitions"], "repetitions", minimum: 1)
        var roles = Tournament.Roles.all
        if let text = string(root["roles"], "roles", required: false) {
            if let value = Tournament.Roles(rawValue: text) {
                roles = value
            } else {
                problem(
                    "roles", root["roles"],
                    "expected all (every assignment of agents to parties) or fixed (one per set of agents)")
            }
        }
        var selfPlay = true
        if let text = string(root["self_play"], "self_play", required: false) {
            switch text {
            case "true", "yes": selfPlay = true
            case "false", "no": selfPlay = false
            default: problem("self_play", root["self_play"], "expected true or false")
            }
        }
        var seed: UInt64 = 1
        if let node = root["seed"] {
            if let text = node.scalar, let value = UInt64(text) {
                seed = value
            } else {
                problem("seed", node, "expected a whole number from 0 to \(UInt64.max)")
            }
        }
        var timeLimit: Double?
        if let value = number(root["time_limit"], "time_limit", required: false) {
            if value > 0 {
                timeLimit = value
            } else {
                problem("time_limit", root["time_limit"], "must be positive (seconds per negotiation)")
            }
        }
        guard problems.isEmpty, let deadline, let repetitions else { return nil }
        let tournament = Tournament(
            name: name, competitors: competitors, entries: scenarioEntries, mechanism: mechanism, deadline: deadline,
            repetitions: repetitions, roles: roles, selfPlay: selfPlay, seed: seed, timeLimit: timeLimit)
        do {
            _ = try tournament.plan()
        } catch {
            problem("(document)", root, error.description)
            return nil
        }
        var canonical = "accord_tournament 1\nmechanism \(mechanism.rawValue)\n"
        canonical += "deadline \(deadline.rounds.map(String.init) ?? "-") \(deadline.seconds.map { "\($0)" } ?? "-")\n"
        canonical += "repetitions \(repetitions)\nroles \(roles.rawValue)\nself_play \(selfPlay)\nseed \(seed)\n"
        canonical += "time_limit \(timeLimit.map { "\($0)" } ?? "-")\n"
        for competitor in competitors { canonical += "agent \(competitor.id) \(competitor.agent)\n" }
        for (entry, digest) in zip(scenarioEntries, digests) { canonical += "scenario \(entry.name) \(digest)\n" }
        return TournamentSpecification(tournament: tournament, fingerprint: fnv1a(canonical), sources: sources)
    }

    private mutating func wholeNumber(_ node: DocumentNode?, _ path: String, minimum: Int) -> Int? {
        guard let node, !isNull(node) else { return nil }
        guard let text = node.scalar, let value = Int(text) else {
            problem(path, node, "expected a whole number, found \(node.kindName)")
            return nil
        }
        guard value >= minimum else {
            problem(path, node, "must be at least \(minimum), not \(value)")
            return nil
        }
        return value
    }

    private mutating func readTournamentScenario(_ item: DocumentNode, _ path: String, folder: String) -> (
        entry: Tournament.Entry, source: String, digest: String
    )? {
        var name: String?
        var source: String
        if let entries = item.entries {
            rejectUnknownKeys(entries, path, allowed: ["name", "path", "bundled", "genius", "domain", "profiles"])
            name = item["name"] == nil ? nil : identifier(item["name"], "\(path).name")
            if let bundled = string(item["bundled"], "\(path).bundled", required: false) {
                source = bundled
            } else if let file = string(item["path"], "\(path).path", required: false) {
                source = file
            } else if let genius = string(item["genius"], "\(path).genius", required: false) {
                source = genius
            } else if let domain = string(item["domain"], "\(path).domain", required: false) {
                let profiles = (list(item["profiles"], "\(path).profiles") ?? []).enumerated().compactMap {
                    string($1, "\(path).profiles[\($0)]")
                }
                let domainPath = resolve(domain, in: folder)
                let profilePaths = profiles.map { resolve($0, in: folder) }
                do {
                    let scenario = try GeniusImporter.scenario(domainPath: domainPath, profilePaths: profilePaths)
                    let entryName = name ?? ((domain as NSString).lastPathComponent as NSString).deletingPathExtension
                    return (
                        Tournament.Entry(name: entryName, scenario: scenario), domain,
                        digest(of: [domainPath] + profilePaths)
                    )
                } catch {
                    problem(path, item, error.description)
                    return nil
                }
            } else {
                problem(path, item, "give the scenario as bundled, path, genius (a folder) or domain and profiles")
                return nil
            }
        } else {
            guard let text = string(item, path) else { return nil }
            source = text
        }
        let resolved = resolve(source, in: folder)
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory)
        do {
            if exists && isDirectory.boolValue {
                let scenario = try GeniusImporter.scenario(folderPath: resolved)
                let files = ((try? FileManager.default.contentsOfDirectory(atPath: resolved)) ?? [])
                    .filter { $0.lowercased().hasSuffix(".xml") && !$0.hasPrefix(".") }.sorted()
                    .map { (resolved as NSString).appendingPathComponent($0) }
                return (
                    Tournament.Entry(name: name ?? (resolved as NSString).lastPathComponent, scenario: scenario),
                    source, digest(of: files)
                )
            }
            if exists {
                let scenario = try ScenarioLoader.load(path: resolved)
                let stem = ((resolved as NSString).lastPathComponent as NSString).deletingPathExtension
                return (Tournament.Entry(name: name ?? stem, scenario: scenario), source, digest(of: [resolved]))
            }
            if !source.contains("/"), ScenarioLoader.bundledNames.contains(source) {
                let bundledPath = try ScenarioLoader.bundledPath(source)
                let scenario = try ScenarioLoader.load(path: bundledPath)
                return (Tournament.Entry(name: name ?? source, scenario: scenario), source, digest(of: [bundledPath]))
            }
            problem(
                path, item,
                "'\(source)' is neither a file or folder (looked for \(resolved)) nor a bundled scenario ("
                    + ScenarioLoader.bundledNames.joined(separator: ", ") + ")")
        } catch let error as ScenarioError {
            problem(path, item, error.description)
        } catch let error as GeniusImportError {
            problem(path, item, error.description)
        } catch {
            problem(path, item, "\(error)")
        }
        return nil
    }

    private func resolve(_ path: String, in folder: String) -> String {
        path.hasPrefix("/") ? path : (folder as NSString).appendingPathComponent(path)
    }

    private func digest(of files: [String]) -> String {
        var text = ""
        for file in files {
            let data = (try? readInputFile(file)) ?? Data()
            text += fnv1a(data) + ";"
        }
        return fnv1a(text)
    }
}

/// FNV-1a, 64 bits, as 16 hexadecimal digits: a stable fingerprint (not a cryptographic hash).
package func fnv1aFingerprint<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 { fnv1a(bytes) }

func fnv1a<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
}

func fnv1a(_ text: String) -> String { fnv1a(Array(text.utf8)) }
