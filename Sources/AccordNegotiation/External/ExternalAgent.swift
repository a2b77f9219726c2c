import AccordCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// An agent played by another program over the external-agent protocol (docs/agents.md): one process per
/// negotiation, JSON Lines over its standard input and output.
///
/// The program is told its settings (its own utilities and reservation only, and with `reveal=utilities` the other
/// parties' utilities, never their reservations), asked on its turn, told every other
/// party's action and, at the end, the outcome. A program that cannot start, exits, answers late, writes malformed
/// JSON, an over-long line or a line it was not asked for fails: the agent then ends the talks and reports why
/// through ``failure``, which the session records as ``SessionResult/Ending/agentFailed(party:reason:)``.
struct ExternalAgent: NegotiationAgent {
    /// The protocol's version; an agent that names another one in its `ready` reply fails.
    static let version = 1
    /// The largest outcome space whose utility table an agent is sent.
    static let outcomeLimit = 1_000_000

    let setup: AgentSetup
    let command: ExternalCommand
    private let process: AgentProcess?
    /// The longest wait for one reply: the command's limit, or the session's time limit when shorter.
    private let replyLimit: Double
    private(set) var failure: String?

    init(setup: AgentSetup, command: ExternalCommand) {
        self.setup = setup
        self.command = command
        replyLimit = min(command.replyLimit, setup.timeLimit ?? .infinity)
        guard setup.domain.outcomeCount <= Self.outcomeLimit else {
            process = nil
            failure =
                "cannot be sent a space of \(setup.domain.outcomeCount) outcomes (external agents take at most "
                + "\(Self.outcomeLimit))"
            return
        }
        do {
            process = try AgentProcess(arguments: command.arguments)
        } catch {
            process = nil
            failure = error.reason
            return
        }
        do throws(AgentProcess.Failure) {
            let reply = try ask(settingsMessage(), limit: min(command.startupLimit, setup.timeLimit ?? .infinity))
            guard reply.type == "ready" else { throw AgentProcess.Failure(reason: unexpected(reply, "ready")) }
            if let version = reply.version, version != Self.version {
                throw AgentProcess.Failure(
                    reason: "speaks protocol version \(version); Accord speaks version \(Self.version)")
            }
        } catch {
            fail(error)
        }
    }

    mutating func respond(to state: TurnState, generator: inout SeededGenerator) -> Action {
        guard failure == nil else { return .end }
        do throws(AgentProcess.Failure) {
            let reply = try ask(turnMessage(state), limit: replyLimit)
            switch reply.type {
            case "offer": return .offer(try outcome(of: reply))
            case "accept": return .accept
            case "end": return .end
            default: throw AgentProcess.Failure(reason: unexpected(reply, "offer, accept or end"))
            }
        } catch {
            fail(error)
            return .end
        }
    }

    mutating func observe(_ action: Action, by party: Int, state: TurnState) {
        guard failure == nil, let process else { return }
        var message = JSONLine()
        message.add("type", string: "action")
        message.add("party", string: setup.domain.scenario.parties[party].id)
        switch action {
        case .offer(let outcome):
            message.add("action", string: "offer")
            add(outcome, to: &message)
        case .accept:
            message.add("action", string: "accept")
            if state.hasOffer { add(state.offer, to: &message) }
        case .end:
            message.add("action", string: "end")
        }
        message.add("round", number: state.round)
        message.add("t", number: state.t)
        do {
            try process.write(line: message.text, deadline: .now + .milliseconds(Int(replyLimit * 1000)))
        } catch {
            fail(error)
        }
    }

    mutating func reply(toDraft draft: Int, state: TurnState, generator: inout SeededGenerator) -> DraftReply {
        guard failure == nil else { return .object(issue: nil) }
        var message = JSONLine()
        message.add("type", string: "draft")
        message.add("round", number: state.round)
        message.add("t", number: state.t)
        add(draft, to: &message)
        do throws(AgentProcess.Failure) {
            let reply = try ask(message.text, limit: replyLimit)
            switch reply.type {
            case "accept": return .accept
            case "object":
                guard let id = reply.issue else { return .object(issue: nil) }
                guard let issue = setup.domain.scenario.issues.firstIndex(where: { $0.id == id }) else {
                    throw AgentProcess.Failure(reason: "objected to an unknown issue '\(Echo.cut(id))'")
                }
                return .object(issue: issue)
            default: throw AgentProcess.Failure(reason: unexpected(reply, "accept or object"))
            }
        } catch {
            fail(error)
            return .object(issue: nil)
        }
    }

    mutating func finish(_ result: SessionResult) {
        guard let process else { return }
        if failure == nil {
            var message = JSONLine()
            message.add("type", string: "end")
            message.add("ending", string: result.ending.protocolName)
            message.add("round", number: result.round)
            message.add("t", number: result.t)
            if let agreement = result.agreement {
                var inner = JSONLine()
                add(agreement, to: &inner)
                message.add("agreement", raw: inner.text)
            } else {
                message.add("agreement", raw: "null")
            }
            message.add("utility", number: result.utilities[setup.party])
            try? process.write(line: message.text, deadline: .now + .milliseconds(500))
        }
        process.terminate(grace: 0.5)
    }

    // MARK: Messages

    private func settingsMessage() -> String {
        let domain = setup.domain
        let scenario = domain.scenario
        let party = scenario.parties[setup.party]
        var message = JSONLine()
        message.add("type", string: "settings")
        message.add("protocol", string: "accord-agent")
        message.add("version", number: Self.version)
        message.add("party", string: party.id)
        message.add("parties", strings: setup.participants.map { scenario.parties[$0].id })
        message.add("mechanism", string: setup.mechanism.rawValue)
        var deadline = JSONLine()
        deadline.add("rounds", raw: setup.deadline.rounds.map { String($0) } ?? "null")
        deadline.add("seconds", raw: setup.deadline.seconds.map { "\($0)" } ?? "null")
        message.add("deadline", raw: deadline.text)
        message.add("reply_limit", number: replyLimit)
        let issues = scenario.issues.map { issue -> String in
            var entry = JSONLine()
            entry.add("id", string: issue.id)
            entry.add("name", string: issue.name)
            entry.add("options", strings: (0..<issue.levelCount).map { issue.label(ofLevel: $0) })
            return entry.text
        }
        message.add("issues", raw: "[" + issues.joined(separator: ",") + "]")
        message.add("outcomes", number: domain.outcomeCount)
        message.add("utilities", numbers: domain.utilities[setup.party])
        message.add("reservation", number: party.reservation)
        message.add("discount", raw: party.discount.map { "\($0)" } ?? "null")
        let forbidden = (0..<domain.outcomeCount).filter { domain.crossesRedLine($0, party: setup.party) }
        message.add("forbidden", raw: "[" + forbidden.map(String.init).joined(separator: ",") + "]")
        if command.revealsUtilities {
            let others = setup.participants.filter { $0 != setup.party }.map { other -> String in
                var entry = JSONLine()
                entry.add("party", string: scenario.parties[other].id)
                entry.add("utilities", numbers: domain.utilities[other])
                return entry.text
            }
            message.add("others", raw: "[" + others.joined(separator: ",") + "]")
        }
        return message.text
    }

    private func turnMessage(_ state: TurnState) -> String {
        var message = JSONLine()
        message.add("type", string: "turn")
        message.add("round", number: state.round)
        message.add("t", number: state.t)
        if state.hasOffer {
            var offer = JSONLine()
            add(state.offer, to: &offer)
            offer.add("by", string: setup.domain.scenario.parties[state.offerer].id)
            message.add("offer", raw: offer.text)
        } else {
            message.add("offer", raw: "null")
        }
        return message.text
    }

    /// Adds an outcome as `index` and `outcome` (issue identifier → option label).
    private func add(_ outcome: Int, to message: inout JSONLine) {
        message.add("index", number: outcome)
        var labels = JSONLine()
        for (issue, level) in setup.domain.scenario.space.labels(of: setup.domain.outcome(outcome)) {
            labels.add(issue, string: level)
        }
        message.add("outcome", raw: labels.text)
    }

    // MARK: Replies

    /// A reply: its type and the fields any reply may carry.
    struct Reply: Decodable {
        var type: String
        var version: Int?
        var index: Int?
        var outcome: [String: String]?
        var issue: String?
    }

    /// Sends a request and reads its one-line reply.
    private func ask(_ line: String, limit: Double) throws(AgentProcess.Failure) -> Reply {
        guard let process else { throw AgentProcess.Failure(reason: failure ?? "is not running") }
        let deadline = ContinuousClock.now + .milliseconds(Int(min(limit, 86_400) * 1000))
        try process.checkQuiet()
        try process.write(line: line, deadline: deadline)
        let text = try process.readLine(deadline: deadline, limit: limit)
        guard !process.hasUnreadOutput else {
            throw AgentProcess.Failure(reason: "wrote more than one line for one request")
        }
        do {
            return try JSONDecoder().decode(Reply.self, from: Data(text.utf8))
        } catch {
            throw AgentProcess.Failure(
                reason: "answered with a line that is not a reply object (JSON with a string 'type'): "
                    + "'\(Echo.cut(text))'")
        }
    }

    /// The outcome an offer names, by `index` or by `outcome` (a label for every issue).
    private func outcome(of reply: Reply) throws(AgentProcess.Failure) -> Int {
        if let index = reply.index {
            guard index >= 0 && index < setup.domain.outcomeCount else {
                throw AgentProcess.Failure(reason: "offered outcome index \(index), which does not exist")
            }
            return index
        }
        guard let labels = reply.outcome else {
            throw AgentProcess.Failure(reason: "made an offer without 'index' or 'outcome'")
        }
        let issues = setup.domain.scenario.issues
        var levels: [Int] = []
        for issue in issues {
            guard let label = labels[issue.id] else {
                throw AgentProcess.Failure(reason: "made an offer without issue '\(Echo.cut(issue.id))'")
            }
            guard let level = (0..<issue.levelCount).first(where: { issue.label(ofLevel: $0) == label }) else {
                throw AgentProcess.Failure(
                    reason: "offered '\(Echo.cut(label))', not an option of issue '\(Echo.cut(issue.id))'")
            }
            levels.append(level)
        }
        if let extra = labels.keys.sorted().first(where: { key in !issues.contains { $0.id == key } }) {
            throw AgentProcess.Failure(reason: "made an offer with an unknown issue '\(Echo.cut(extra))'")
        }
        return setup.domain.scenario.space.index(of: Outcome(levels: levels))
    }

    private func unexpected(_ reply: Reply, _ expected: String) -> String {
        "answered '\(Echo.cut(reply.type))' where it should answer \(expected)"
    }

    private mutating func fail(_ error: AgentProcess.Failure) {
        failure = error.reason
        process?.terminate(grace: 0)
    }
}

extension SessionResult.Ending {
    /// The ending's name in the JSON contracts (`agreement`, `deadline`, `walkAway`, ...).
    public var protocolName: String {
        switch self {
        case .agreement: "agreement"
        case .deadline: "deadline"
        case .walkAway: "walkAway"
        case .violation: "violation"
        case .timeLimit: "timeLimit"
        case .agentFailed: "agentFailed"
        }
    }
}
