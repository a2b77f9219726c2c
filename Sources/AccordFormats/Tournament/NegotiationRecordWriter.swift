import AccordCore
import AccordNegotiation

/// Writes a tournament's negotiation records as CSV, as JSON Lines, and as a GENIUS-compatible `;`-separated log.
///
/// Every row function returns one line ending in `\n`, so a run can append records as they complete; the
/// whole-file functions sort the records by ``NegotiationRecord/id`` first, so the file does not depend on the
/// schedule. The CSV and the JSON Lines leave out the wall-clock ``NegotiationRecord/seconds``, so the same records
/// give the same bytes on every run and machine; only the GENIUS log reports it.
///
/// ## CSV
///
/// A header line, then one line per record, lines ending in `\n`. Fields are quoted as RFC 4180 says: a field
/// holding a comma, a double quote, a carriage return or a line feed is enclosed in double quotes, its double
/// quotes doubled; other fields are written as they are. A missing value is an empty field.
///
/// Scenarios of one tournament may differ in their number of parties, so the per-party values are spread over
/// numbered columns, one per party position: the columns `agent_k`, `party_k`, `utility_k` and
/// `discounted_utility_k` exist for k = 1…``parties`` (the largest party count of the tournament), and a record
/// with fewer parties leaves its extra columns empty. A mixed 2- and 3-party tournament has the columns
/// `agent_1,agent_2,agent_3`, and its bilateral rows end the group with an empty `agent_3`. The columns, in order:
///
/// | column | value |
/// |---|---|
/// | `id` | the negotiation's position in the plan |
/// | `scenario` | the scenario's name |
/// | `repetition` | from 0 |
/// | `seed` | the negotiation's seed (decimal, unsigned 64-bit) |
/// | `agent_1` … `agent_n` | the competitor playing each party, in party order |
/// | `party_1` … `party_n` | the party (identifier) each of them played |
/// | `ending` | `agreement`, `deadline`, `walk-away`, `violation` or `failed` |
/// | `ended_by` | the party that walked away or broke the rules, if any |
/// | `reason` | why the negotiation failed or broke the rules, if it did |
/// | `agreement` | the agreed option of every issue, in issue order, joined by `\|`; empty without agreement |
/// | `round` | the last round |
/// | `t` | the normalised time at the end |
/// | `utility_1` … `utility_n` | each party's utility |
/// | `discounted_utility_1` … `discounted_utility_n` | each party's discounted utility |
/// | `welfare` | the social welfare |
/// | `pareto_distance` | the agreement's distance to the Pareto frontier; empty when none |
/// | `nash_distance` | the agreement's distance to the Nash point; empty when none |
///
/// Numbers are written in the shortest form that reads back to the same double (`0.1`, `1e-05`, integers without a
/// fraction). An option label holding `|` makes the `agreement` field ambiguous: the JSON Lines are the exact form.
///
/// ## JSON Lines
///
/// One compact JSON object per line (``jsonLine(_:)``), keys in this order:
///
/// | key | type | value |
/// |---|---|---|
/// | `id` | integer | ``NegotiationRecord/id`` |
/// | `scenario` | string | ``NegotiationRecord/scenario`` |
/// | `agents` | array of strings | ``NegotiationRecord/agents``, in party order |
/// | `parties` | array of strings | ``NegotiationRecord/parties``, in party order |
/// | `repetition` | integer | ``NegotiationRecord/repetition`` |
/// | `seed` | string | ``NegotiationRecord/seed`` in decimal (64-bit seeds exceed what JSON readers hold exactly) |
/// | `ending` | string | ``NegotiationRecord/ending`` |
/// | `endedBy` | string or null | ``NegotiationRecord/endedBy`` |
/// | `reason` | string or null | ``NegotiationRecord/reason`` |
/// | `agreement` | array of strings or null | ``NegotiationRecord/agreement``, one option label per issue |
/// | `round` | integer | ``NegotiationRecord/round`` |
/// | `t` | number | ``NegotiationRecord/t`` |
/// | `utilities` | array of numbers | ``NegotiationRecord/utilities``, in party order |
/// | `discountedUtilities` | array of numbers | ``NegotiationRecord/discountedUtilities``, in party order |
/// | `welfare` | number | ``NegotiationRecord/welfare`` |
/// | `paretoDistance` | number or null | ``NegotiationRecord/paretoDistance`` |
/// | `nashDistance` | number or null | ``NegotiationRecord/nashDistance`` |
///
/// Every key is always present. Numbers are written in the shortest form that reads back to the same double, so
/// reading a line gives back the record exactly, except ``NegotiationRecord/seconds`` (not written, read it as 0), a
/// negative zero (read back as 0) and a non-finite number (written as null, which the record's non-optional numbers
/// never are).
///
/// ## GENIUS log
///
/// The `;`-separated log that GENIUS's tournament runner writes, so that scripts written for it work: a first line
/// `sep=;`, GENIUS's header, then one line per record. The per-agent column groups (`Agent k`, `Utility k`,
/// `Disc. Util. k`, `Perceived. Util. k`, `User Bother k`, `User Util. k`, `Profile k`) run to k = ``parties``, as
/// GENIUS extends them for multilateral sessions; a record with fewer parties leaves the rest empty. Values follow
/// GENIUS's formats: the run time with 3 decimals, the minimum and maximum (discounted) utility, the distances and
/// the welfare with 5, the per-agent utilities in full; the decimal point is always `.`.
///
/// - `Exception`: the reason of a failed negotiation or of a rule violation, else empty.
/// - `deadline`: ``deadline`` as given (``geniusDeadline(_:)`` writes GENIUS's form).
/// - `Discounted`: `Yes` when the scenario is in ``discountedScenarios``.
/// - `#agreeing`: the number of parties when they agreed, else 0.
/// - `Dist. to Pareto`, `Dist. to Nash`: `NaN` when the record has none (no agreement, or no Nash point), which
///   the usual readers (Python's `float`, pandas, Java's `Double.parseDouble`) accept.
/// - `Agent k`: the competitor's identifier with `@k` appended (`boulware@1`), like GENIUS's party identifiers
///   (`name@number`): scripts that strip the suffix at the `@` get the identifier back, and the two sides of a
///   self-play negotiation stay distinct.
/// - `Perceived. Util. k` and `User Util. k`: the discounted utility, as GENIUS writes without preference
///   uncertainty and user bother; `User Bother k`: `0.0`.
/// - `Profile k`: `scenario/party`.
///
/// GENIUS quotes nothing, so a `;` inside a name or a reason is written as `,`, and line breaks as spaces.
public struct NegotiationRecordWriter: Sendable {
    /// The number of per-party column groups of the CSV and the GENIUS log: the largest party count of the
    /// tournament's scenarios. Give every shard the same number, so that their files have the same header; a record
    /// with more parties still has all of them written, in a line longer than the header.
    public var parties: Int
    /// The GENIUS log's `deadline` value, such as `1000 rounds`.
    public var deadline: String
    /// The scenarios in which some party discounts time (the GENIUS log's `Discounted` column).
    public var discountedScenarios: Set<String>

    /// A writer with `parties` column groups.
    public init(parties: Int, deadline: String = "", discountedScenarios: Set<String> = []) {
        self.parties = parties
        self.deadline = deadline
        self.discountedScenarios = discountedScenarios
    }

    /// A writer for a tournament's records: as many column groups as its largest scenario has parties, its
    /// deadline in GENIUS's form, and the scenarios in which some party has a discount factor in (0, 1).
    public init(tournament: Tournament) {
        self.init(
            parties: tournament.entries.map(\.scenario.parties.count).max() ?? 0,
            deadline: Self.geniusDeadline(tournament.deadline),
            discountedScenarios: Set(
                tournament.entries.filter { entry in
                    entry.scenario.parties.contains { party in party.discount.map { $0 > 0 && $0 < 1 } ?? false }
                }.map(\.name)))
    }

    /// A deadline as GENIUS writes it: `1000 rounds`, or `180s` for a wall-clock limit alone (a deadline with both
    /// is written by its rounds).
    public static func geniusDeadline(_ deadline: Deadline) -> String {
        if let rounds = deadline.rounds { return "\(rounds) round\(rounds == 1 ? "" : "s")" }
        if let seconds = deadline.seconds { return "\(formatNumber(seconds))s" }
        return ""
    }

    /// The number of column groups for a record: ``parties``, or more if the record has more parties.
    private func groups(_ record: NegotiationRecord) -> Int { max(parties, record.agents.count) }
}

// MARK: - CSV

extension NegotiationRecordWriter {
    /// The CSV header line.
    public var csvHeader: String {
        let numbered = { (name: String) in (1...max(1, parties)).map { "\(name)_\($0)" } }
        let columns =
            ["id", "scenario", "repetition", "seed"] + numbered("agent") + numbered("party")
            + ["ending", "ended_by", "reason", "agreement", "round", "t"] + numbered("utility")
            + numbered("discounted_utility") + ["welfare", "pareto_distance", "nash_distance"]
        return columns.joined(separator: ",") + "\n"
    }

    /// One record as a CSV line.
    public func csvRow(_ record: NegotiationRecord) -> String {
        let count = max(1, groups(record))
        func padded(_ values: [String]) -> [String] {
            values + [String](repeating: "", count: max(0, count - values.count))
        }
        let fields: [String] =
            [String(record.id), record.scenario, String(record.repetition), String(record.seed)]
            + padded(record.agents) + padded(record.parties)
            + [
                record.ending, record.endedBy ?? "", record.reason ?? "",
                record.agreement?.joined(separator: "|") ?? "", String(record.round), Self.number(record.t),
            ]
            + padded(record.utilities.map(Self.number)) + padded(record.discountedUtilities.map(Self.number))
            + [
                Self.number(record.welfare), record.paretoDistance.map(Self.number) ?? "",
                record.nashDistance.map(Self.number) ?? "",
            ]
        return fields.map(csvField).joined(separator: ",") + "\n"
    }

    /// The header and every record, sorted by negotiation.
    public func csv(_ records: [NegotiationRecord]) -> String {
        csvHeader + records.sorted { $0.id < $1.id }.map(csvRow).joined()
    }

    /// A number in the shortest form that reads back to the same double; empty when not finite.
    static func number(_ value: Double) -> String {
        value.isFinite ? JSONValue.format(value) : ""
    }
}

// MARK: - JSON Lines

extension NegotiationRecordWriter {
    /// One record as a JSON object (see the type's documentation for the keys).
    public static func json(_ record: NegotiationRecord) -> JSONValue {
        func numbers(_ values: [Double]) -> JSONValue { .array(values.map(JSONValue.number)) }
        return .object([
            ("id", .int(record.id)),
            ("scenario", .string(record.scenario)),
            ("agents", .array(record.agents.map(JSONValue.string))),
            ("parties", .array(record.parties.map(JSONValue.string))),
            ("repetition", .int(record.repetition)),
            ("seed", .string(String(record.seed))),
            ("ending", .string(record.ending)),
            ("endedBy", record.endedBy.map(JSONValue.string) ?? .null),
            ("reason", record.reason.map(JSONValue.string) ?? .null),
            ("agreement", record.agreement.map { .array($0.map(JSONValue.string)) } ?? .null),
            ("round", .int(record.round)),
            ("t", .number(record.t)),
            ("utilities", numbers(record.utilities)),
            ("discountedUtilities", numbers(record.discountedUtilities)),
            ("welfare", .number(record.welfare)),
            ("paretoDistance", record.paretoDistance.map(JSONValue.number) ?? .null),
            ("nashDistance", record.nashDistance.map(JSONValue.number) ?? .null),
        ])
    }

    /// One record as a line of JSON Lines: the compact object and `\n`.
    public static func jsonLine(_ record: NegotiationRecord) -> String {
        json(record).serialized(indent: 0) + "\n"
    }

    /// Every record as JSON Lines, sorted by negotiation.
    public static func jsonLines(_ records: [NegotiationRecord]) -> String {
        records.sorted { $0.id < $1.id }.map(jsonLine).joined()
    }
}

// MARK: - GENIUS log

extension NegotiationRecordWriter {
    /// The GENIUS log's first two lines: `sep=;` and the header.
    public var geniusHeader: String {
        let count = max(1, parties)
        let numbered = { (name: String) in (1...count).map { "\(name) \($0)" } }
        let columns =
            [
                "Run time (s)", "Round", "Exception", "deadline", "Agreement", "Discounted", "#agreeing", "min.util.",
                "max.util.", "Dist. to Pareto", "Dist. to Nash", "Social Welfare",
            ] + numbered("Agent") + numbered("Utility") + numbered("Disc. Util.") + numbered("Perceived. Util.")
            + numbered("User Bother") + numbered("User Util.") + numbered("Profile")
        return "sep=;\n" + columns.joined(separator: ";") + "\n"
    }

    /// One record as a line of the GENIUS log.
    public func geniusLine(_ record: NegotiationRecord) -> String {
        let count = max(1, groups(record))
        func padded(_ values: [String]) -> [String] {
            values + [String](repeating: "", count: max(0, count - values.count))
        }
        func utility(_ value: Double) -> String { Self.javaDouble(value) }
        let discounted = record.discountedUtilities
        let exception = record.ending == "failed" || record.ending == "violation" ? record.reason ?? "" : ""
        let fields: [String] =
            [
                fixed(record.seconds, 3), String(record.round), exception, deadline,
                record.isAgreement ? "Yes" : "No", discountedScenarios.contains(record.scenario) ? "Yes" : "No",
                String(record.isAgreement ? record.agents.count : 0),
                Self.fixed5(discounted.min()), Self.fixed5(discounted.max()), Self.fixed5(record.paretoDistance),
                Self.fixed5(record.nashDistance), Self.fixed5(record.welfare),
            ]
            + padded(record.agents.enumerated().map { "\($1)@\($0 + 1)" })
            + padded(record.utilities.map(utility)) + padded(discounted.map(utility))
            + padded(discounted.map(utility)) + padded(discounted.map { _ in "0.0" })
            + padded(discounted.map(utility)) + padded(record.parties.map { "\(record.scenario)/\($0)" })
        return fields.map(Self.geniusField).joined(separator: ";") + "\n"
    }

    /// The GENIUS log of every record, sorted by negotiation.
    public func geniusLog(_ records: [NegotiationRecord]) -> String {
        geniusHeader + records.sorted { $0.id < $1.id }.map(geniusLine).joined()
    }

    /// A value with 5 decimals, as GENIUS's `%.5f`; `NaN` when missing or not finite.
    static func fixed5(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "NaN" }
        return fixed(value, 5)
    }

    /// A double as Java's `Double.toString` would write a utility: the shortest form that reads back, always with a
    /// decimal point (`1.0`, `0.25`).
    static func javaDouble(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "Infinity" : "-Infinity") }
        return "\(value)"
    }

    /// A field without the log's separator or line breaks.
    static func geniusField(_ text: String) -> String {
        guard text.contains(where: { $0 == ";" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        return String(text.map { $0 == ";" ? "," : ($0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0) })
    }
}
