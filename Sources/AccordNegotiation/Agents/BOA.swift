import AccordCore

/// The bidding part of a BOA agent: which outcome to offer now, and the utility it aims for.
public protocol BiddingStrategy: Sendable {
    /// The utility the agent aims for at time t (used by acceptance conditions and draft replies).
    func target(at t: Double, view: AgentView) -> Double
    /// The outcome to offer now.
    mutating func nextBid<Model: OpponentModel>(
        state: TurnState, view: AgentView, model: Model, generator: inout SeededGenerator
    ) -> Int
}

/// The acceptance part of a BOA agent (Baarslag et al.'s acceptance conditions).
///
/// Every condition is checked only for offers that are individually rational for the agent (at least its
/// reservation value, no red line crossed); the agent rejects the others whatever the condition says.
public protocol AcceptanceCondition: Sendable {
    /// Whether to accept an offer of utility `offered` when the agent's own next bid would give it `next`,
    /// at time `t`, having received offers of at most `bestReceived` before.
    func accepts(offered: Double, next: Double, t: Double, bestReceived: Double) -> Bool
}

/// The opponent-model part of a BOA agent: estimates of the other parties' utilities from their offers.
public protocol OpponentModel: Sendable {
    /// Whether the model estimates anything (`false` for ``NoOpponentModel``).
    var isActive: Bool { get }
    /// Learns from an offer made by another party.
    mutating func observe(offer: Int, from party: Int)
    /// The estimated utility of an outcome for the modelled opponents (their mean).
    func opponentsUtility(of outcome: Int) -> Double
    /// The estimated utility of an outcome for one opponent.
    func utility(of outcome: Int, for party: Int) -> Double
}

/// No opponent model: the agent ignores what the others want.
public struct NoOpponentModel: OpponentModel {
    public init() {}
    public var isActive: Bool { false }
    public mutating func observe(offer: Int, from party: Int) {}
    public func opponentsUtility(of outcome: Int) -> Double { 0 }
    public func utility(of outcome: Int, for party: Int) -> Double { 0 }
}

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

// MARK: Acceptance conditions

/// AC_next(α, β): accept when α·u(offer) + β ≥ u(own next bid).
public struct AcceptNext: AcceptanceCondition {
    public var alpha: Double
    public var beta: Double
    public init(alpha: Double = 1, beta: Double = 0) {
        self.alpha = alpha
        self.beta = beta
    }
    @inline(__always)
    public func accepts(offered: Double, next: Double, t: Double, bestReceived: Double) -> Bool {
        alpha * offered + beta >= next - utilityTolerance
    }
}

/// AC_const(c): accept when u(offer) ≥ c.
public struct AcceptConstant: AcceptanceCondition {
    public var threshold: Double
    public init(threshold: Double) { self.threshold = threshold }
    public func accepts(offered: Double, next: Double, t: Double, bestReceived: Double) -> Bool {
        offered >= threshold - utilityTolerance
    }
}

/// AC_time(T): accept (any individually rational offer) once t ≥ T.
public struct AcceptTime: AcceptanceCondition {
    public var time: Double
    public init(time: Double) { self.time = time }
    public func accepts(offered: Double, next: Double, t: Double, bestReceived: Double) -> Bool { t >= time }
}

/// AC_combi(T, MAX^W): accept when AC_next holds, or when t ≥ T and the offer is at least as good as every
/// offer received before (W = the whole history).
public struct AcceptCombi: AcceptanceCondition {
    public var time: Double
    public init(time: Double) { self.time = time }
    public func accepts(offered: Double, next: Double, t: Double, bestReceived: Double) -> Bool {
        offered >= next - utilityTolerance || (t >= time && offered >= bestReceived - utilityTolerance)
    }
}
