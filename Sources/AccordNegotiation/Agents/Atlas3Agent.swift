import AccordCore
import RealModule

/// Atlas3, the winner of ANAC 2015 (Mori & Ito, "Atlas3: a negotiating agent based on expecting lower limit of
/// concession function", in *Modern Approaches to Agent-based Complex Automated Negotiation*, Springer 2017),
/// reimplemented from its published description.
///
/// Atlas3 concedes toward a **lower limit** LL, the expected utility of an evolutionarily stable strategy of a
/// hawk–dove game between insisting and conceding (Mori & Ito 2015, extended by Atlas3 to several opponents):
/// with A = Pmax, b the best offer received, m = (A + b)/2 and r the reservation value discounted to the deadline
/// (r·δ), insisting is played with probability p = (A − m) / ((A − m) + (b − r)) (1 when b ≤ r), and
/// `LL = p·r + (1 − p)·A` (``lowerLimit(best:bestReceived:breakdown:)``). Its threshold is
/// `LL + (Pmax − LL)·(1 − t^(1/e))` with e = ``exponent``. It accepts an individually rational offer worth at least
/// its threshold; it offers, among the outcomes within ``window`` above its threshold, the one its
/// ``FrequencyModel`` rates best for the opponents (the published search replaces options by the opponents' most
/// frequent ones). In its last ``finalRounds`` rounds it offers the **popular** outcome — one the others offered or
/// accepted — best for itself, if individually rational. Atlas3 was written for ANAC 2015's three-party stacked
/// protocol: with several opponents, b is the best offer by any of them and the popular outcomes are theirs.
public struct Atlas3Agent: NegotiationAgent {
    /// The concession exponent e of the threshold above the lower limit.
    public static let exponent = 0.2
    /// How far above the threshold a bid may lie.
    public static let window = 0.02
    /// The rounds at the end in which the agent offers popular outcomes.
    public static let finalRounds = 2

    /// The agent's view of its preferences.
    public private(set) var view: AgentView
    /// The frequency opponent model.
    public private(set) var model: FrequencyModel
    private var history = OfferHistory()
    /// The outcomes the others offered or accepted, with how often.
    public private(set) var popular: [Int: Int] = [:]
    private let discount: Double
    private let lastRound: Int?

    /// An Atlas3 agent for a session.
    public init(setup: AgentSetup) {
        view = AgentView(setup: setup)
        model = FrequencyModel(setup: setup)
        discount = ChampionSupport.discount(of: view)
        lastRound = setup.deadline.rounds
    }

    /// The lower limit of the concession: the expected utility of the hawk–dove game's evolutionarily stable
    /// mix for an agent whose best utility is `best`, whose best received offer gives it `bestReceived`, and that
    /// gets `breakdown` without agreement.
    public static func lowerLimit(best a: Double, bestReceived b: Double, breakdown r: Double) -> Double {
        guard b > r else { return max(r, min(a, b)) }
        let b = min(a, b)
        let m = (a + b) / 2
        let hawk = a - m
        let p = hawk + (b - r) > 1e-12 ? hawk / (hawk + (b - r)) : 1
        return p * r + (1 - p) * a
    }

    /// The current lower limit LL.
    public var lowerLimit: Double {
        let breakdown = view.reservation * discount
        guard !history.isEmpty else { return view.best }
        return max(
            view.floor, Self.lowerLimit(best: view.best, bestReceived: history.bestUtility, breakdown: breakdown))
    }

    /// The agent's threshold at time t: `LL + (Pmax − LL)·(1 − t^(1/e))`.
    public func threshold(at t: Double) -> Double {
        let high = view.best
        let low = min(high, lowerLimit)
        return low + (high - low) * (1 - (t <= 0 ? 0 : Double.pow(t, 1 / Self.exponent)))
    }

    /// Whether a round is among the final rounds (never, with a deadline in seconds only).
    private func isFinal(_ round: Int) -> Bool {
        lastRound.map { round > $0 - Self.finalRounds } ?? false
    }

    /// The agent's action on its turn: accept, counter-offer, or walk away when nothing on the table is rational.
    public mutating func respond(to state: TurnState, generator: inout SeededGenerator) -> Action {
        view.update(epoch: state.epoch)
        if view.hasNoRationalOutcome { return .end }
        let target = threshold(at: state.t)
        if state.hasOffer && view.isRational(state.offer) && view.utilities[state.offer] >= target - utilityTolerance {
            return .accept
        }
        if isFinal(state.round), let final = bestPopular(round: state.round) {
            if state.hasOffer && view.isRational(state.offer)
                && view.utilities[state.offer] >= view.utilities[final] - utilityTolerance
            {
                return .accept
            }
            return .offer(final)
        }
        if history.isEmpty { return .offer(Int(view.ranking.outcomes[0])) }
        return .offer(
            ChampionSupport.opponentAwareBid(
                ranking: view.ranking, target: target, window: Self.window, model: model, top: 1,
                generator: &generator))
    }

    /// The popular outcome best for the agent among those on the table and individually rational (ties: the
    /// lower index), or nil.
    private func bestPopular(round: Int) -> Int? {
        var best: Int?
        for outcome in popular.keys
        where view.domain.isAvailable(outcome, inRound: round) && view.isRational(outcome) {
            if let current = best {
                let u = view.utilities[outcome]
                let v = view.utilities[current]
                if u > v || (u == v && outcome < current) { best = outcome }
            } else {
                best = outcome
            }
        }
        return best
    }

    /// Learns from another party's action (its offers feed the opponent statistics).
    public mutating func observe(_ action: Action, by party: Int, state: TurnState) {
        switch action {
        case .offer(let outcome):
            model.observe(offer: outcome, from: party)
            history.note(outcome, utility: view.utilities[outcome])
            popular[outcome, default: 0] += 1
        case .accept where state.offer >= 0:
            popular[state.offer, default: 0] += 1
        default:
            break
        }
    }

    /// Accepts a mediator's draft worth at least the current threshold, else names the issue it most wants changed.
    public mutating func reply(toDraft draft: Int, state: TurnState, generator: inout SeededGenerator) -> DraftReply {
        view.update(epoch: state.epoch)
        return ChampionSupport.reply(toDraft: draft, threshold: threshold(at: state.t), view: view, round: state.round)
    }
}
