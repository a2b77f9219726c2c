import AccordCore

/// The mutable state of one running session: agents, clock, offer on the table, trace. The observer of a run is
/// passed to the functions that act, so that the state's layout does not depend on it.
struct SessionRun {
    let domain: NegotiationDomain
    let configuration: SessionConfiguration
    let participants: [Int]
    let deadline: Deadline
    var agents: [any NegotiationAgent]
    var generator: SeededGenerator
    var trace: SessionTrace
    let clock = WallClock()

    var ending: SessionResult.Ending = .deadline
    var agreement: Int?
    var round = 0
    var t = 0.0

    init(session: Session) {
        domain = session.domain
        configuration = session.configuration
        participants = configuration.participants
        deadline = configuration.deadline
        generator = SeededGenerator(seed: configuration.seed)
        agents = zip(session.makers, participants).map { make, party in
            make(
                AgentSetup(
                    domain: session.domain, party: party, participants: session.configuration.participants,
                    deadline: session.configuration.deadline, mechanism: session.configuration.mechanism,
                    timeLimit: session.configuration.timeLimit))
        }
        trace = SessionTrace(excerpt: configuration.traceExcerpt)
    }

    /// Shows an action to the observer and keeps it in the bounded trace.
    @inline(__always)
    mutating func record<Observer: SessionObserver>(_ event: TraceEvent, _ observer: inout Observer)
        throws(Observer.Failure)
    {
        try observer.observe(event)
        if configuration.recordsTrace { trace.append(event) }
    }

    /// The time now, and whether the wall-clock limit has passed.
    @inline(__always)
    func now(round: Int) -> (t: Double, expired: Bool) {
        guard let seconds = deadline.seconds else { return (deadline.time(ofRound: round), false) }
        let elapsed = clock.elapsed
        return (deadline.time(ofRound: round, elapsed: elapsed), elapsed >= seconds)
    }

    /// Records the options that leave the table at the start of `round`; returns whether some did.
    mutating func noteExpiries<Observer: SessionObserver>(
        round: Int, withdrawing offer: Int, _ observer: inout Observer
    ) throws(Observer.Failure) -> Bool {
        guard round > 1, domain.expiryRounds.contains(round - 1) else { return false }
        let withdrawn = offer >= 0 && !domain.isAvailable(offer, inRound: round)
        try record(
            TraceEvent(
                round: round, t: t, party: nil, kind: .expire, outcome: withdrawn ? offer : nil,
                options: domain.optionsExpiring(afterRound: round - 1)), &observer)
        return withdrawn
    }

    // MARK: Stacked alternating offers (bilateral alternating offers are the two-party case)

    mutating func runOffers<Observer: SessionObserver>(_ observer: inout Observer) throws(Observer.Failure) {
        let count = participants.count
        var offer = -1
        var offerer = -1
        var acceptances = 0
        let lastRound = deadline.lastRound
        var epoch = 0
        round = 1
        while round <= lastRound {
            let moment = now(round: round)
            t = moment.t
            if moment.expired { break }
            if !domain.expiryRounds.isEmpty {
                epoch = domain.epoch(ofRound: round)
                if try noteExpiries(round: round, withdrawing: offer, &observer) {
                    offer = -1
                    offerer = -1
                    acceptances = 0
                }
            }
            for turn in 0..<count {
                if let limit = configuration.timeLimit, self.clock.elapsed > limit { return failTimeLimit() }
                if deadline.seconds != nil {
                    let moment = now(round: round)
                    t = moment.t
                    if moment.expired { return finishDeadline() }
                }
                let party = participants[turn]
                let state = TurnState(round: round, t: t, epoch: epoch, offer: offer, offerer: offerer)
                let action = agents[turn].respond(to: state, generator: &generator)
                switch action {
                case .accept:
                    guard offer >= 0 else {
                        return try violation(party, "accepted when no offer was on the table", &observer)
                    }
                    try record(TraceEvent(round: round, t: t, party: party, kind: .accept, outcome: offer), &observer)
                    acceptances += 1
                    if acceptances == count - 1 {
                        ending = .agreement
                        agreement = offer
                        return
                    }
                case .offer(let outcome):
                    guard outcome >= 0 && outcome < domain.outcomeCount else {
                        return try violation(party, "offered outcome #\(outcome), which does not exist", &observer)
                    }
                    guard domain.isAvailable(outcome, inRound: round) else {
                        return try violation(party, "offered an option that is no longer on the table", &observer)
                    }
                    try record(TraceEvent(round: round, t: t, party: party, kind: .offer, outcome: outcome), &observer)
                    offer = outcome
                    offerer = party
                    acceptances = 0
                case .end:
                    try record(TraceEvent(round: round, t: t, party: party, kind: .end), &observer)
                    ending =
                        agents[turn].failure.map { .agentFailed(party: party, reason: $0) } ?? .walkAway(party: party)
                    return
                }
                for other in 0..<count where other != turn {
                    agents[other].observe(action, by: party, state: state)
                }
            }
            if round < lastRound { try observer.roundEnded(round) }
            round += 1
        }
        finishDeadline()
    }

    mutating func finishDeadline() {
        ending = .deadline
        round = min(round, deadline.lastRound)
        t = 1
    }

    mutating func failTimeLimit() {
        ending = .timeLimit
    }

    mutating func violation<Observer: SessionObserver>(_ party: Int, _ reason: String, _ observer: inout Observer)
        throws(Observer.Failure)
    {
        try record(TraceEvent(round: round, t: t, party: party, kind: .end), &observer)
        ending = .violation(party: party, reason: reason)
    }

    // MARK: Mediated single negotiating text

    mutating func runMediated<Observer: SessionObserver>(_ observer: inout Observer) throws(Observer.Failure) {
        let mediator = SingleTextMediator(domain: domain, participants: participants, mediator: configuration.mediator)
        let mediatorParty: Int? = if case .party(let p) = configuration.mediator { p } else { nil }
        let lastRound = deadline.lastRound
        var draft = -1
        var objections: [(party: Int, issue: Int?)] = []
        round = 1
        while round <= lastRound {
            let moment = now(round: round)
            t = moment.t
            if moment.expired { return finishDeadline() }
            if let limit = configuration.timeLimit, self.clock.elapsed > limit { return failTimeLimit() }
            let epoch = domain.epoch(ofRound: round)
            if !domain.expiryRounds.isEmpty, try noteExpiries(round: round, withdrawing: draft, &observer) {
                draft = -1
            }
            guard let next = mediator.draft(after: draft, objections: objections, round: round) else {
                // Every package on the table has been drafted and rejected, or none is left.
                try record(TraceEvent(round: round, t: t, party: mediatorParty, kind: .end), &observer)
                ending = .walkAway(party: mediatorParty ?? -1)
                return
            }
            draft = next
            try record(TraceEvent(round: round, t: t, party: mediatorParty, kind: .offer, outcome: draft), &observer)
            objections.removeAll(keepingCapacity: true)
            let state = TurnState(round: round, t: t, epoch: epoch, offer: draft, offerer: mediatorParty ?? -1)
            for turn in participants.indices {
                let party = participants[turn]
                switch agents[turn].reply(toDraft: draft, state: state, generator: &generator) {
                case .accept:
                    try record(TraceEvent(round: round, t: t, party: party, kind: .accept, outcome: draft), &observer)
                case .object(let issue):
                    if issue == nil, let reason = agents[turn].failure {
                        try record(TraceEvent(round: round, t: t, party: party, kind: .end), &observer)
                        ending = .agentFailed(party: party, reason: reason)
                        return
                    }
                    try record(
                        TraceEvent(round: round, t: t, party: party, kind: .object, outcome: draft, issue: issue),
                        &observer)
                    objections.append((party, issue))
                }
            }
            if objections.isEmpty {
                ending = .agreement
                agreement = draft
                return
            }
            if round < lastRound { try observer.roundEnded(round) }
            round += 1
        }
        finishDeadline()
    }

    // MARK: Result

    /// Tells every agent how the session ended (external agents' programs are stopped here).
    mutating func finish(_ result: SessionResult) {
        for index in agents.indices { agents[index].finish(result) }
    }

    func result() -> SessionResult {
        let parties = domain.scenario.parties
        let utilities = parties.indices.map { p in agreement.map { domain.utilities[p][$0] } ?? parties[p].reservation }
        let discountedUtilities = parties.indices.map { discounted(utilities[$0], factor: parties[$0].discount, at: t) }
        return SessionResult(
            mechanism: configuration.mechanism, participants: participants, ending: ending, agreement: agreement,
            round: round, t: t, utilities: utilities, discountedUtilities: discountedUtilities, trace: trace)
    }
}
