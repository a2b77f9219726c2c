import AccordCore

/// A negotiating agent: it chooses an action on its turn, watches the others' actions, and answers a
/// mediator's drafts.
///
/// Agents are values, created fresh for every session by an ``AgentSpecification``. An agent sees its own
/// utilities and reservation (through its ``AgentView``) and the actions of the others, never their
/// preferences, unless its documentation says otherwise (the Nash seeker is a full-information agent).
public protocol NegotiationAgent {
    /// The agent's action on its turn.
    mutating func respond(to state: TurnState, generator: inout SeededGenerator) -> Action
    /// Tells the agent what another party did (offers, acceptances, walk-aways), in order.
    mutating func observe(_ action: Action, by party: Int, state: TurnState)
    /// The agent's reply to a mediator's draft.
    mutating func reply(toDraft draft: Int, state: TurnState, generator: inout SeededGenerator) -> DraftReply
    /// Why the agent cannot go on, or nil: an agent that fails (an external program that crashed, hung or broke
    /// the protocol) ends the talks (``Action/end``, or an objection to a draft) and says why here; the session
    /// then ends as ``SessionResult/Ending/agentFailed(party:reason:)``.
    var failure: String? { get }
    /// Tells the agent how the session ended (an external agent's program is told, then stopped).
    mutating func finish(_ result: SessionResult)
}

extension NegotiationAgent {
    public mutating func observe(_ action: Action, by party: Int, state: TurnState) {}
    /// Accord's own agents never fail.
    public var failure: String? { nil }
    /// Accord's own agents have nothing to release at the end.
    public mutating func finish(_ result: SessionResult) {}
}
