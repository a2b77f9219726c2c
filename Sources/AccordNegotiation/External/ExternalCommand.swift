import AccordCore

/// The program that plays a party as an external agent (docs/agents.md), with the limits Accord holds it to.
///
/// Written in an agent specification as `external(command="python3 my_agent.py")`, optionally with
/// `;timeout=SECONDS` (the longest wait for one reply, default 10 s) and `;startup=SECONDS` (the longest wait for the
/// answer to the settings, default 30 s) and `;reveal=utilities` (ANL's information setting: the agent is also sent the other
/// parties' utilities, never their reservations or red lines). The command is split into words as a shell would split it (single and
/// double quotes, backslash escapes) but no shell runs it: no pipes, redirections or variables. The program is looked
/// up on the `PATH`.
public struct ExternalCommand: Sendable, Hashable, CustomStringConvertible {
    /// The program and its arguments.
    public var arguments: [String]
    /// The longest wait for one reply, in seconds.
    public var replyLimit: Double
    /// The longest wait for the answer to the settings message, in seconds (the program's start-up).
    public var startupLimit: Double
    /// Whether the agent is also sent the other parties' utilities (`reveal=utilities`, as ANL agents expect; never
    /// their reservation values or red lines).
    public var revealsUtilities = false

    /// The default ``replyLimit``.
    public static let defaultReplyLimit = 10.0
    /// The default ``startupLimit``.
    public static let defaultStartupLimit = 30.0

    /// Creates a command from its words.
    public init(
        arguments: [String], replyLimit: Double = ExternalCommand.defaultReplyLimit,
        startupLimit: Double = ExternalCommand.defaultStartupLimit
    ) {
        self.arguments = arguments
        self.replyLimit = replyLimit
        self.startupLimit = startupLimit
    }

    /// Reads the parameters of `external(...)`: `command="..."`, `timeout=S`, `startup=S`, `reveal=utilities|none`,
    /// separated by `;` or `,`.
    ///
    /// - Throws: ``NegotiationError`` for a missing or empty command, an unknown parameter or a bad limit.
    public init(parsingParameters text: String) throws(NegotiationError) {
        var command: [String]?
        var reply = Self.defaultReplyLimit
        var startup = Self.defaultStartupLimit
        var reveals = false
        var scanner = ParameterScanner(text: text)
        while let (key, value) = try scanner.next() {
            switch key {
            case "command":
                command = try Self.words(of: value)
                if command?.isEmpty ?? true {
                    throw .badAgentParameter(agent: "external", parameter: key, reason: "must name a program")
                }
            case "timeout", "startup":
                guard let seconds = Double(value), seconds > 0, seconds <= 3600 else {
                    throw .badAgentParameter(
                        agent: "external", parameter: key,
                        reason: "must be a number of seconds from 0 (excluded) to 3600, not '\(Echo.cut(value))'")
                }
                if key == "timeout" { reply = seconds } else { startup = seconds }
            case "reveal":
                guard value == "utilities" || value == "none" else {
                    throw .badAgentParameter(
                        agent: "external", parameter: key, reason: "must be utilities or none, not '\(Echo.cut(value))'"
                    )
                }
                reveals = value == "utilities"
            default:
                throw .badAgentParameter(
                    agent: "external", parameter: Echo.cut(key),
                    reason: "is not a parameter of this agent (command, timeout, startup, reveal)")
            }
        }
        guard let command else {
            throw .badAgentParameter(
                agent: "external", parameter: "command", reason: "is missing; write external(command=\"program args\")")
        }
        self.init(arguments: command, replyLimit: reply, startupLimit: startup)
        revealsUtilities = reveals
    }

    /// Splits a command line into words: whitespace separates, single quotes keep everything, double quotes keep
    /// everything but a backslash before `"` or `\`, a backslash outside quotes keeps the next character.
    ///
    /// - Throws: ``NegotiationError`` for an unterminated quote or a trailing backslash.
    public static func words(of line: String) throws(NegotiationError) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
                inWord = true
                continue
            }
            switch (quote, character) {
            case ("'", "'"), ("\"", "\""): quote = nil
            case ("'", _): current.append(character)
            case ("\"", "\\"): escaped = true
            case ("\"", _): current.append(character)
            case (nil, "'"), (nil, "\""):
                quote = character
                inWord = true
            case (nil, "\\"): escaped = true
            case (nil, _) where character.isWhitespace:
                if inWord { words.append(current) }
                current = ""
                inWord = false
            default:
                current.append(character)
                inWord = true
            }
        }
        guard quote == nil, !escaped else {
            throw .badAgentParameter(
                agent: "external", parameter: "command", reason: "has an unterminated quote or a trailing backslash")
        }
        if inWord { words.append(current) }
        return words
    }

    /// The specification's text: `external(command="...")` with the limits that differ from the defaults.
    public var description: String {
        let command = arguments.map(Self.quoted).joined(separator: " ").replacingAll("\"", with: "\\\"")
        var text = "external(command=\"" + command + "\""
        if replyLimit != Self.defaultReplyLimit { text += ";timeout=\(replyLimit)" }
        if startupLimit != Self.defaultStartupLimit { text += ";startup=\(startupLimit)" }
        if revealsUtilities { text += ";reveal=utilities" }
        return text + ")"
    }

    /// A word as it can be read back inside a double-quoted command: quoted when it has spaces or quotes.
    private static func quoted(_ word: String) -> String {
        let plain = !word.isEmpty && !word.contains { $0.isWhitespace || $0 == "'" || $0 == "\"" || $0 == "\\" }
        if plain { return word }
        return "'" + word.replacingAll("'", with: "'\\''") + "'"
    }
}

/// Reads `key=value` pairs separated by `;` or `,`, where a value may be double-quoted (`\"` is a quote inside it).
struct ParameterScanner {
    private var characters: [Character]
    private var position = 0

    init(text: String) { characters = Array(text) }

    mutating func next() throws(NegotiationError) -> (String, String)? {
        skip { $0.isWhitespace || $0 == ";" || $0 == "," }
        guard position < characters.count else { return nil }
        var key = ""
        while position < characters.count, characters[position] != "=" {
            key.append(characters[position])
            position += 1
        }
        guard position < characters.count else { throw .badAgentSpecification(String(characters)) }
        position += 1
        skip { $0.isWhitespace }
        var value = ""
        if position < characters.count, characters[position] == "\"" {
            position += 1
            var closed = false
            while position < characters.count {
                let character = characters[position]
                position += 1
                if character == "\"" {
                    closed = true
                    break
                }
                if character == "\\", position < characters.count, characters[position] == "\"" {
                    // \" is a quote inside the value; other backslashes are left for the word splitter.
                    value.append("\"")
                    position += 1
                    continue
                }
                value.append(character)
            }
            guard closed else { throw .badAgentSpecification(String(characters)) }
        } else {
            while position < characters.count, characters[position] != ";", characters[position] != "," {
                value.append(characters[position])
                position += 1
            }
        }
        return (key.trimmingWhitespace(), value.trimmingWhitespace())
    }

    private mutating func skip(_ predicate: (Character) -> Bool) {
        while position < characters.count, predicate(characters[position]) { position += 1 }
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}

extension ExternalCommand {
    /// Kills every external agent's program this process has started and not yet stopped, with its process group:
    /// what a process about to end abruptly calls so no agent outlives it (a tournament worker whose supervisor has
    /// died). Safe from any thread.
    public static func killEveryRunningProgram() {
        AgentProcess.killEveryRunningGroup()
    }
}
