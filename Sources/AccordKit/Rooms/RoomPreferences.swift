/// One party's private preferences in a room, checked against the room's skeleton as `accord validate` checks a
/// scenario: the party's entry of an Accord scenario (`weights`, `values`, `reservation`, `red_lines`; `redLines`
/// is read as `red_lines`). Instead of a number, `reservationPackage` ({issue: option}) names the worst package
/// the party would still accept: its reservation is then its own utility of that package.
public struct RoomPreferences: Sendable, Hashable {
    /// The keys a party may send.
    public static let keys = RoomSkeleton.preferenceKeys + ["redLines", "reservationPackage"]

    /// The entry as checked, in the scenario format (`red_lines`; a reservation package replaced by its number):
    /// what the store keeps, encrypted.
    public let entry: JSONValue

    /// Reads the entry a store kept (already checked).
    public init(stored entry: JSONValue) {
        self.entry = entry
    }

    /// Checks a party's entry against the skeleton: every problem at once, each with its key path inside the entry.
    ///
    /// - Throws: ``RoomError`` (invalid) listing the problems; not found when the party is not in the room.
    public init(json: JSONValue, party: String, skeleton: RoomSkeleton) throws(RoomError) {
        guard let index = skeleton.partyIDs.firstIndex(of: party) else {
            throw RoomError(.notFound, "there is no party '\(Echo.cut(party))' in this room")
        }
        guard let members = json.members else {
            throw RoomError.invalid(
                "the preferences", [RoomProblem(path: "(preferences)", message: "expected an object")])
        }
        var problems: [RoomProblem] = []
        var entry: [JSONValue.Member] = []
        var reservationPackage: JSONValue?
        for (key, value) in members {
            switch key {
            case "redLines": entry.append(("red_lines", value))
            case "reservationPackage": reservationPackage = value
            case _ where RoomSkeleton.preferenceKeys.contains(key): entry.append((key, value))
            default:
                problems.append(
                    RoomProblem(
                        path: Echo.cut(key),
                        message: "unknown key; expected " + RoomSkeleton.preferenceKeys.joined(separator: ", ")
                            + " or reservationPackage"))
            }
        }
        if reservationPackage != nil, entry.contains(where: { $0.key == "reservation" }) {
            problems.append(
                RoomProblem(path: "reservationPackage", message: "give either reservation or reservationPackage"))
        }
        let document = RoomSkeleton.withPreferences(skeleton.document, entries: [party: .object(entry)])
        var scenario: Scenario?
        do {
            scenario = try RoomSkeleton.parse(document)
        } catch let found {
            problems += found.problems.map { Self.relative($0, index: index) }
        }
        if let scenario, let reservationPackage, problems.isEmpty {
            let outcome = try skeleton.outcome(reservationPackage, path: "reservationPackage")
            let value = scenario.parties[index].utility.utility(of: outcome, in: scenario.space)
            entry.append(("reservation", .number(value)))
        }
        guard problems.isEmpty else { throw RoomError.invalid("the preferences", problems) }
        self.entry = .object(entry)
    }

    /// A problem's path inside the party's entry: `parties[1] (ukraine).weights.x` becomes `weights.x`.
    private static func relative(_ problem: RoomProblem, index: Int) -> RoomProblem {
        let prefix = "parties[\(index)]"
        guard problem.path.hasPrefix(prefix) else { return problem }
        var rest = problem.path.dropFirst(prefix.count)
        if rest.hasPrefix(" ("), let close = rest.firstIndex(of: ")") { rest = rest[rest.index(after: close)...] }
        if rest.hasPrefix(".") { rest = rest.dropFirst() }
        return RoomProblem(path: rest.isEmpty ? "(preferences)" : String(rest), message: problem.message)
    }

    /// The party's utility function, reservation and red lines as the scenario reader builds them.
    public func party(_ id: String, in skeleton: RoomSkeleton) throws(RoomError) -> Party {
        let document = RoomSkeleton.withPreferences(skeleton.document, entries: [id: entry])
        guard let index = skeleton.partyIDs.firstIndex(of: id), let scenario = try? RoomSkeleton.parse(document) else {
            throw RoomError(.invalid, "the stored preferences of party '\(Echo.cut(id))' no longer read")
        }
        return scenario.parties[index]
    }
}
