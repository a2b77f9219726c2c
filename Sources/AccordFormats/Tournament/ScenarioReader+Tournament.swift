import AccordCore
import AccordNegotiation
import Foundation

/// Reading a tournament specification (docs/tournaments.md): a function per key, problems in document order.
extension ScenarioReader {
    mutating func readTournament(_ root: DocumentNode, folder: String) -> TournamentSpecification? {
        guard let entries = mapping(root, "(document)") else { return nil }
        rejectUnknownKeys(
            entries, "(document)",
            allowed: [
                "accord_tournament", "name", "agents", "scenarios", "mechanism", "deadline", "repetitions", "roles",
                "self_play", "seed", "time_limit",
            ])
        readTournamentVersion(root["accord_tournament"])
        let name = string(root["name"], "name", required: false) ?? "tournament"
        let competitors = readCompetitors(root["agents"])
        let scenarios = readTournamentScenarios(root["scenarios"], folder: folder)
        let mechanism = readTournamentMechanism(root["mechanism"])
        let deadline = readTournamentDeadline(root["deadline"])
        let repetitions = root["repetitions"] == nil ? 1 : wholeNumber(root["repetitions"], "repetitions", minimum: 1)
        let roles = readRoles(root["roles"])
        let selfPlay = readSelfPlay(root["self_play"])
        let seed = readTournamentSeed(root["seed"])
        let timeLimit = readTimeLimit(root["time_limit"])
        guard problems.isEmpty, let deadline, let repetitions else { return nil }
        let tournament = Tournament(
            name: name, competitors: competitors, entries: scenarios.entries, mechanism: mechanism, deadline: deadline,
            repetitions: repetitions, roles: roles, selfPlay: selfPlay, seed: seed, timeLimit: timeLimit)
        do {
            _ = try tournament.plan()
        } catch {
            problem("(document)", root, error.description)
            return nil
        }
        return TournamentSpecification(
            tournament: tournament, fingerprint: fingerprint(of: tournament, digests: scenarios.digests),
            sources: scenarios.sources)
    }

    /// `accord_tournament`: must be 1.
    private mutating func readTournamentVersion(_ version: DocumentNode?) {
        if let version {
            if version.scalar != "1" {
                problem("accord_tournament", version, "expected 1, the only version of the tournament format")
            }
        } else {
            problem(
                "accord_tournament", nil, "is missing; a tournament specification starts with 'accord_tournament: 1'")
        }
    }

    /// `agents`: each a name (its own identifier) or {id, agent}.
    private mutating func readCompetitors(_ node: DocumentNode?) -> [Tournament.Competitor] {
        var competitors: [Tournament.Competitor] = []
        for (index, item) in (list(node, "agents") ?? []).enumerated() {
            let path = itemPath(
                "agents", index,
                label: item.scalar ?? item["id"]?.scalar ?? item["agent"]?.scalar ?? item["command"]?.scalar)
            guard let entry = readCompetitorEntry(item, path) else { continue }
            let id = entry.id
            do {
                let agent = try AgentSpecification(parsing: entry.text)
                if competitors.contains(where: { $0.id == id }) {
                    problem(path, item, "the agent '\(id)' is listed twice; give the second an 'id' of its own")
                } else {
                    competitors.append(Tournament.Competitor(id: id, agent: agent))
                }
            } catch {
                problem(path, item, error.description)
            }
        }
        if node != nil && competitors.isEmpty && problems.isEmpty {
            problem("agents", node, "is empty; list at least one agent")
        }
        return competitors
    }

    /// The longest agent specification (`name(key=value;…)`) in characters; given alone it is also the agent's id.
    static let maximumAgentSpecificationLength = 256
    /// The longest external agent's command with its arguments (an entry {id, command, args}), in characters: a
    /// program's path and arguments can be long, but not without bound.
    static let maximumExternalCommandLength = 4_096

    /// One entry of `agents`: its identifier and its agent specification's text; an entry {id, command, args,
    /// timeout, startup, reveal} is an external agent (`external(command=...)`).
    private mutating func readCompetitorEntry(_ item: DocumentNode, _ path: String) -> (id: String, text: String)? {
        var id: String?
        var text: String?
        if item.entries != nil, item["command"] != nil {
            rejectUnknownKeys(
                item.entries ?? [], path, allowed: ["id", "command", "args", "timeout", "startup", "reveal"])
            guard let program = string(item["command"], "\(path).command") else { return nil }
            let arguments = (list(item["args"], "\(path).args", required: false) ?? []).enumerated().compactMap {
                string($1, "\(path).args[\($0)]")
            }
            var command = ExternalCommand(arguments: [program] + arguments)
            if item["timeout"] != nil, let seconds = number(item["timeout"], "\(path).timeout") {
                command.replyLimit = seconds
            }
            if item["startup"] != nil, let seconds = number(item["startup"], "\(path).startup") {
                command.startupLimit = seconds
            }
            if item["reveal"] != nil, let reveal = string(item["reveal"], "\(path).reveal") {
                command.revealsUtilities = reveal == "utilities"
                if reveal != "utilities" && reveal != "none" {
                    problem("\(path).reveal", item["reveal"], "expected utilities or none, not '\(Echo.cut(reveal))'")
                }
            }
            id = identifier(item["id"], "\(path).id")  // Required: a command makes a poor identifier.
            text = command.description
        } else if item.entries != nil {
            rejectUnknownKeys(item.entries ?? [], path, allowed: ["id", "agent"])
            text = string(item["agent"], "\(path).agent")
            id = item["id"] == nil ? text : identifier(item["id"], "\(path).id")
        } else {
            text = string(item, path)
            id = text
        }
        guard let id, let text else { return nil }
        let isCommand = item.entries != nil && item["command"] != nil
        let limit = isCommand ? Self.maximumExternalCommandLength : Self.maximumAgentSpecificationLength
        guard text.utf8.count <= limit else {
            problem(
                isCommand ? "\(path).command" : item.entries == nil ? path : "\(path).agent", item,
                "the agent specification '\(Echo.cut(text))' is \(formatCount(Double(text.utf8.count))) characters "
                    + "long; one has at most \(formatCount(Double(limit)))")
            return nil
        }
        return (id, text)
    }

    /// `scenarios`: each a bundled name, a scenario file, a GENIUS folder, or {name, path | genius |
    /// domain+profiles}; with how each was given and a digest of its files.
    private mutating func readTournamentScenarios(_ node: DocumentNode?, folder: String) -> (
        entries: [Tournament.Entry], sources: [String], digests: [String]
    ) {
        var scenarioEntries: [Tournament.Entry] = []
        var sources: [String] = []
        var digests: [String] = []
        for (index, item) in (list(node, "scenarios") ?? []).enumerated() {
            let path = itemPath("scenarios", index, label: Self.scenarioLabel(item))
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
        if node != nil && scenarioEntries.isEmpty && problems.isEmpty {
            problem("scenarios", node, "is empty; list at least one scenario")
        }
        return (scenarioEntries, sources, digests)
    }

    /// `mechanism`: alternating unless given.
    private mutating func readTournamentMechanism(_ node: DocumentNode?) -> MechanismKind {
        guard let text = string(node, "mechanism", required: false) else { return .alternating }
        do { return try MechanismKind(name: text) } catch {
            problem("mechanism", node, error.description)
            return .alternating
        }
    }

    /// `deadline`: {rounds, seconds}, at least one of them.
    private mutating func readTournamentDeadline(_ node: DocumentNode?) -> Deadline? {
        var rounds: Int?
        var seconds: Double?
        if let deadline = mapping(node, "deadline") {
            rejectUnknownKeys(deadline, "deadline", allowed: ["rounds", "seconds"])
            rounds = wholeNumber(node?["rounds"], "deadline.rounds", minimum: 1)
            seconds = number(node?["seconds"], "deadline.seconds", required: false)
            if rounds == nil && seconds == nil && node?["rounds"] == nil {
                problem("deadline", node, "give rounds, seconds or both")
            }
        }
        guard rounds != nil || seconds != nil else { return nil }
        do { return try Deadline(rounds: rounds, seconds: seconds) } catch {
            problem("deadline", node, error.description)
            return nil
        }
    }

    /// `roles`: all (the default) or fixed.
    private mutating func readRoles(_ node: DocumentNode?) -> Tournament.Roles {
        guard let text = string(node, "roles", required: false) else { return .all }
        if let value = Tournament.Roles(rawValue: text) { return value }
        problem(
            "roles", node, "expected all (every assignment of agents to parties) or fixed (one per set of agents)")
        return .all
    }

    /// `self_play`: true (the default) or false.
    private mutating func readSelfPlay(_ node: DocumentNode?) -> Bool {
        guard let text = string(node, "self_play", required: false) else { return true }
        switch text {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            problem("self_play", node, "expected true or false")
            return true
        }
    }

    /// `seed`: a 64-bit whole number, 1 unless given.
    private mutating func readTournamentSeed(_ node: DocumentNode?) -> UInt64 {
        guard let node else { return 1 }
        if let text = node.scalar, let value = UInt64(text) { return value }
        problem("seed", node, "expected a whole number from 0 to \(UInt64.max)")
        return 1
    }

    /// `time_limit`: positive seconds per negotiation, or none.
    private mutating func readTimeLimit(_ node: DocumentNode?) -> Double? {
        guard let value = number(node, "time_limit", required: false) else { return nil }
        guard value > 0 else {
            problem("time_limit", node, "must be positive (seconds per negotiation)")
            return nil
        }
        return value
    }

    /// Identifies the plan: every setting that changes it, the agents, and the digests of the scenarios' files.
    private func fingerprint(of tournament: Tournament, digests: [String]) -> String {
        let deadline = tournament.deadline
        var canonical = "accord_tournament 1\nmechanism \(tournament.mechanism.rawValue)\n"
        canonical += "deadline \(deadline.rounds.map(String.init) ?? "-") \(deadline.seconds.map { "\($0)" } ?? "-")\n"
        canonical += "repetitions \(tournament.repetitions)\nroles \(tournament.roles.rawValue)\n"
        canonical += "self_play \(tournament.selfPlay)\nseed \(tournament.seed)\n"
        canonical += "time_limit \(tournament.timeLimit.map { "\($0)" } ?? "-")\n"
        for competitor in tournament.competitors { canonical += "agent \(competitor.id) \(competitor.agent)\n" }
        for (entry, digest) in zip(tournament.entries, digests) { canonical += "scenario \(entry.name) \(digest)\n" }
        return fnv1a(canonical)
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

    /// What names a `scenarios` item in its key path: its name, or how it is given (a bundled name, a file, a
    /// folder, a domain).
    private static func scenarioLabel(_ item: DocumentNode) -> String? {
        item.scalar ?? ["name", "bundled", "path", "genius", "domain"].lazy.compactMap { item[$0]?.scalar }.first
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
