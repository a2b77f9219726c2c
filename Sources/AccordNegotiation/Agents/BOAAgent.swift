import AccordCore

/// An agent composed of a bidding strategy, an opponent model and an acceptance condition (the BOA
/// architecture of Baarslag et al., as in GENIUS).
///
/// On its turn the agent walks away when nothing on the table reaches its reservation value; otherwise it
/// computes its next bid and accepts the offer on the table when that offer is individually rational and
/// the acceptance condition holds, else it makes the bid. In a mediated negotiation it accepts a draft
/// worth at least its current target (and its reservation value), and otherwise names the issue whose
/// change would raise its utility most.
public struct BOAAgent<Bidding: BiddingStrategy, Acceptance: AcceptanceCondition, Model: OpponentModel>:
    NegotiationAgent
{
    public private(set) var view: AgentView
    public private(set) var bidding: Bidding
    public let acceptance: Acceptance
    public private(set) var model: Model
    /// The best utility among the offers received so far.
    public private(set) var bestReceived: Double = -.infinity

    public init(setup: AgentSetup, bidding: Bidding, acceptance: Acceptance, model: Model) {
        view = AgentView(setup: setup)
        self.bidding = bidding
        self.acceptance = acceptance
        self.model = model
    }

    public mutating func respond(to state: TurnState, generator: inout SeededGenerator) -> Action {
        view.update(epoch: state.epoch)
        if view.hasNoRationalOutcome { return .end }
        let bid = bidding.nextBid(state: state, view: view, model: model, generator: &generator)
        if state.hasOffer {
            let offered = view.utilities[state.offer]
            if view.isRational(state.offer)
                && acceptance.accepts(
                    offered: offered, next: view.utilities[bid], t: state.t, bestReceived: bestReceived)
            {
                return .accept
            }
            bestReceived = max(bestReceived, offered)
        }
        return .offer(bid)
    }

    public mutating func observe(_ action: Action, by party: Int, state: TurnState) {
        guard case .offer(let outcome) = action else { return }
        if model.isActive { model.observe(offer: outcome, from: party) }
    }

    public mutating func reply(toDraft draft: Int, state: TurnState, generator: inout SeededGenerator) -> DraftReply {
        view.update(epoch: state.epoch)

        let target = max(bidding.target(at: state.t, view: view), view.reservation)
        if view.isRational(draft) && view.utilities[draft] >= target - utilityTolerance { return .accept }
        return .object(issue: view.mostWantedChange(in: draft, round: state.round))
    }
}
