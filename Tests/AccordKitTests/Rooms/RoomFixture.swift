import AccordKit
import Foundation

/// A small room: three issues, three parties. By hand, with reservations a 0.3, b 0.3, c 0.4 and c's red line on
/// `term: long`, only (mid, short, some) is acceptable to all: a 0.6·0.5 + 0.2 + 0.2 = 0.7, b 0.4·0.6 + 0 + 0.2 =
/// 0.44, c 0.8·1 + 0.2 = 1.0.
enum RoomFixture {
    static let skeletonText = """
        {"accord": 1, "name": "Supply talks",
         "issues": [
           {"id": "price", "options": [{"id": "low"}, {"id": "mid"}, {"id": "high"}]},
           {"id": "term", "options": [{"id": "short"}, {"id": "long"}]},
           {"id": "extras", "options": [{"id": "none"}, {"id": "some"}]}],
         "parties": [{"id": "a", "name": "Alpha"}, {"id": "b", "name": "Beta"}, {"id": "c", "name": "Gamma"}]}
        """

    static let preferences: [String: String] = [
        "a": """
        {"weights": {"price": 0.6, "term": 0.2, "extras": 0.2}, "reservation": 0.3,
         "values": {"price": {"low": 0, "mid": 0.5, "high": 1}, "term": {"short": 1, "long": 0},
                    "extras": {"none": 0, "some": 1}}}
        """,
        "b": """
        {"weights": {"price": 0.4, "term": 0.4, "extras": 0.2}, "reservation": 0.3,
         "values": {"price": {"low": 1, "mid": 0.6, "high": 0}, "term": {"short": 0, "long": 1},
                    "extras": {"none": 0, "some": 1}}}
        """,
        "c": """
        {"weights": {"price": 0.8, "extras": 0.2}, "reservation": 0.4,
         "values": {"price": {"low": 0.2, "mid": 1, "high": 0.5}, "extras": {"none": 0, "some": 1}},
         "redLines": [{"issue": "term", "forbid": ["long"]}]}
        """,
    ]

    static func json(_ text: String) -> JSONValue {
        (try? JSONValue(parsing: text)) ?? .null
    }

    static func skeleton() throws -> RoomSkeleton {
        try RoomSkeleton(json: json(skeletonText))
    }

    static func checkedPreferences(_ skeleton: RoomSkeleton) throws -> [String: RoomPreferences] {
        var checked: [String: RoomPreferences] = [:]
        for (party, text) in preferences {
            checked[party] = try RoomPreferences(json: json(text), party: party, skeleton: skeleton)
        }
        return checked
    }

    static func engine(_ rule: FairnessRule = .nash) throws -> RoomEngine {
        let skeleton = try skeleton()
        return try RoomEngine(skeleton: skeleton, preferences: try checkedPreferences(skeleton), fairness: rule)
    }

    static func package(_ price: String, _ term: String, _ extras: String) -> JSONValue {
        .object([("price", .string(price)), ("term", .string(term)), ("extras", .string(extras))])
    }

    static func outcome(_ price: String, _ term: String, _ extras: String) throws -> Outcome {
        try skeleton().outcome(package(price, term, extras), path: "package")
    }

    static let start = Date(timeIntervalSince1970: 1_800_000_000)
}
