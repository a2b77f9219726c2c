/// What a room's neutral engine tells whom, chosen by the mediator when the room is created and shown to every
/// participant. Every choice defaults to the most private one.
///
/// Whether a package acceptable to every party exists is always told to the mediator. Every party always sees its
/// own utility of each proposal and whether it is acceptable to all (never who objects unless
/// ``partyObjectorsNamed``).
public struct DisclosurePolicy: Sendable, Hashable {
    /// Whether the mediator learns how many packages every party accepts (default: no).
    public var zoneCount: Bool
    /// Whether the mediator may ask the engine for a suggested package (default: no).
    public var suggestion: Bool
    /// Whether the mediator learns which parties block: who rejects a proposal, and, when no package is
    /// acceptable to all, whose leaving would open the zone (default: no).
    public var blockingPartiesNamed: Bool
    /// Whether a party learns which parties would reject a proposal (default: no).
    public var partyObjectorsNamed: Bool

    /// Creates a policy; the defaults are the most private.
    public init(
        zoneCount: Bool = false, suggestion: Bool = false, blockingPartiesNamed: Bool = false,
        partyObjectorsNamed: Bool = false
    ) {
        self.zoneCount = zoneCount
        self.suggestion = suggestion
        self.blockingPartiesNamed = blockingPartiesNamed
        self.partyObjectorsNamed = partyObjectorsNamed
    }

    /// The keys of the policy's JSON.
    static let keys = ["zoneCount", "suggestion", "blockingPartiesNamed", "partyObjectorsNamed"]

    /// Reads `{"zoneCount": bool, "suggestion": bool, "blockingPartiesNamed": bool, "partyObjectorsNamed": bool}`;
    /// a key left out keeps its private default, an unknown key or a value that is not a boolean is a problem.
    public init(json: JSONValue?) throws(RoomError) {
        self.init()
        guard let json else { return }
        guard let members = json.members else {
            throw RoomError.invalid(
                "the disclosure policy", [RoomProblem(path: "disclosure", message: "expected an object")])
        }
        var problems: [RoomProblem] = []
        var flags: [String: Bool] = [:]
        for (key, value) in members {
            if key == "zoneExists" {
                if value != .bool(true) {
                    problems.append(
                        RoomProblem(path: "disclosure.zoneExists", message: "is always true: the mediator learns it"))
                }
                continue
            }
            guard Self.keys.contains(key) else {
                problems.append(
                    RoomProblem(
                        path: "disclosure.\(Echo.cut(key))",
                        message: "unknown key; expected " + Self.keys.joined(separator: ", ")))
                continue
            }
            guard case .bool(let flag) = value else {
                problems.append(RoomProblem(path: "disclosure.\(key)", message: "expected true or false"))
                continue
            }
            flags[key] = flag
        }
        guard problems.isEmpty else { throw RoomError.invalid("the disclosure policy", problems) }
        zoneCount = flags["zoneCount"] ?? false
        suggestion = flags["suggestion"] ?? false
        blockingPartiesNamed = flags["blockingPartiesNamed"] ?? false
        partyObjectorsNamed = flags["partyObjectorsNamed"] ?? false
    }

    /// The policy as JSON, every key written (what every participant is shown).
    public var json: JSONValue {
        .object([
            ("zoneExists", .bool(true)), ("zoneCount", .bool(zoneCount)), ("suggestion", .bool(suggestion)),
            ("blockingPartiesNamed", .bool(blockingPartiesNamed)), ("partyObjectorsNamed", .bool(partyObjectorsNamed)),
        ])
    }
}
