/// A room's public scenario: its issues, options and parties, without anyone's preferences. It is an Accord
/// scenario in which a party may leave out `weights`, `values`, `reservation` and `red_lines`; those it gives are
/// left out of the room (each party enters its own), and the response says so.
public struct RoomSkeleton: Sendable {
    /// The keys of a party's entry that hold its private preferences.
    public static let preferenceKeys = ["weights", "values", "reservation", "red_lines"]

    /// The scenario document without any preference: what every participant may see.
    public let document: JSONValue
    /// The scenario's name.
    public let name: String
    /// The issues, options and their order.
    public let space: OutcomeSpace
    /// The parties' ids, in order.
    public let partyIDs: [String]
    /// The parties' names, in order.
    public let partyNames: [String]
    /// Whether preferences given in the skeleton were left out.
    public let leftOutPreferences: Bool

    /// Reads and checks a skeleton as `accord validate` checks a scenario: every problem at once with its key path.
    ///
    /// - Throws: ``RoomError`` (invalid) listing the problems.
    public init(json: JSONValue) throws(RoomError) {
        guard let members = json.members else {
            throw RoomError.invalid("the scenario", [RoomProblem(path: "scenario", message: "expected an object")])
        }
        var stripped = false
        let parties = (json["parties"]?.items ?? []).map { party -> JSONValue in
            guard let entry = party.members else { return party }
            let kept = entry.filter { !Self.preferenceKeys.contains($0.key) && $0.key != "redLines" }
            if kept.count != entry.count { stripped = true }
            return .object(kept)
        }
        let document: JSONValue =
            json["parties"]?.items == nil
            ? json : .object(members.map { $0.key == "parties" ? ("parties", .array(parties)) : $0 })
        let scenario: Scenario
        do {
            scenario = try Self.parse(Self.withPlaceholders(document, except: nil, entry: nil))
        } catch let problems {
            throw RoomError.invalid("the scenario", problems.problems)
        }
        self.document = document
        name = scenario.name
        space = scenario.space
        partyIDs = scenario.parties.map(\.id)
        partyNames = scenario.parties.map(\.name)
        leftOutPreferences = stripped
    }

    /// The skeleton of a scenario read from any Accord file (YAML too): its JSON form without preferences.
    public init(scenario: Scenario) throws(RoomError) {
        let text: String
        do {
            text = try ScenarioWriter.json(scenario).files.first?.text ?? ""
        } catch {
            throw RoomError(.invalid, "the scenario cannot be written as JSON: \(error.sentence)")
        }
        guard let json = try? JSONValue(parsing: text) else {
            throw RoomError(.invalid, "the scenario cannot be written as JSON")
        }
        try self.init(json: json)
    }

    /// The skeleton's document with every party's preferences: `entries` by party id, a placeholder (all weight on
    /// the first issue, every value 0) for the others. The placeholder only lets the scenario reader check the rest.
    static func withPlaceholders(_ document: JSONValue, except party: String?, entry: JSONValue?) -> JSONValue {
        withPreferences(document, entries: party.flatMap { id in entry.map { [id: $0] } } ?? [:])
    }

    /// The document with these preference entries (by party id), placeholders for the parties left out.
    static func withPreferences(_ document: JSONValue, entries: [String: JSONValue]) -> JSONValue {
        guard let members = document.members, let parties = document["parties"]?.items else { return document }
        let placeholder = self.placeholder(document)
        let filled = parties.map { party -> JSONValue in
            guard let entry = party.members else { return party }
            let id = party["id"]?.scalarText ?? ""
            let preferences = entries[id]?.members ?? placeholder
            return .object(entry + preferences)
        }
        return .object(members.map { $0.key == "parties" ? ("parties", .array(filled)) : $0 })
    }

    /// A valid preference entry for any party: all weight on the first issue, which it values 0 throughout.
    private static func placeholder(_ document: JSONValue) -> [JSONValue.Member] {
        guard let issue = document["issues"]?.items?.first, let id = issue["id"]?.scalarText else { return [] }
        let value: JSONValue
        if let options = issue["options"]?.items {
            value = .object(options.compactMap { ($0["id"] ?? $0).scalarText.map { ($0, JSONValue.int(0)) } })
        } else {
            value = .string("increasing")
        }
        return [("weights", .object([(id, .int(1))])), ("values", .object([(id, value)]))]
    }

    /// The scenario a complete document describes, or every problem the scenario reader finds in it.
    static func parse(_ document: JSONValue) throws(RoomProblems) -> Scenario {
        do {
            return try ScenarioLoader.parse(document.serialized(indent: 0), file: "room")
        } catch .invalid(_, let problems) {
            throw RoomProblems(problems: problems.map { RoomProblem(path: $0.path, message: $0.message) })
        } catch {
            throw RoomProblems(problems: [RoomProblem(path: "scenario", message: error.sentence)])
        }
    }

    /// The issues and options as JSON, for every participant: `[{"id", "name", "options": [{"id", "name"}]}]`
    /// (a numeric issue lists its levels as options).
    public var issuesJSON: JSONValue {
        .array(
            space.issues.map { issue in
                .object([
                    ("id", .string(issue.id)), ("name", .string(issue.name)),
                    (
                        "options",
                        .array(
                            (0..<issue.levelCount).map { level in
                                let label = issue.label(ofLevel: level)
                                let name = issue.isNumeric ? label : issue.options[level].name
                                return .object([("id", .string(label)), ("name", .string(name))])
                            })
                    ),
                ])
            })
    }

    /// A complete package read from `{issue: option}`: every issue must be chosen.
    public func outcome(_ json: JSONValue?, path: String) throws(RoomError) -> Outcome {
        guard let members = json?.members else {
            throw RoomError(.invalid, "\(path) must be an object {issue: option}")
        }
        let choices = members.map { PackageChoice.Choice(issue: $0.key, option: $0.value.scalarText ?? "") }
        let levels: [Int?]
        do {
            levels = try PackageChoice(choices).levels(in: space)
        } catch {
            throw RoomError(.invalid, "\(path): " + error.description.replacingOccurrences(of: "--outcome: ", with: ""))
        }
        if let open = levels.firstIndex(where: { $0 == nil }) {
            throw RoomError(
                .invalid, "\(path) leaves issue '\(space.issues[open].id)' open; choose an option on every issue")
        }
        return Outcome(levels: levels.map { $0 ?? 0 })
    }

    /// A package as JSON, `{issue: option}` in issue order.
    public func json(of outcome: Outcome) -> JSONValue {
        .object(space.labels(of: outcome).map { ($0.issue, .string($0.level)) })
    }
}

/// The problems a scenario reader found, carried through a typed throw.
struct RoomProblems: Error {
    var problems: [RoomProblem]
}
