import AccordCore
import Synchronization

/// Runs the negotiations of a tournament: one prepared domain per scenario, shared by every negotiation on it.
public struct TournamentRunner: Sendable {
    public let tournament: Tournament
    let domains: [NegotiationDomain]
    let references: [NegotiationReference?]

    /// Prepares every scenario (utility tables, rankings, frontier and Nash point).
    ///
    /// - Throws: ``NegotiationError`` when a scenario is too large to simulate.
    public init(tournament: Tournament) throws(NegotiationError) {
        self.tournament = tournament
        var domains: [NegotiationDomain] = []
        var references: [NegotiationReference?] = []
        for entry in tournament.entries {
            let domain: NegotiationDomain
            do {
                domain = try NegotiationDomain(scenario: entry.scenario)
            } catch {
                throw .badTournament("scenario '\(entry.name)': \(error)")
            }
            domains.append(domain)
            references.append(
                try? NegotiationReference(domain: domain, participants: Array(entry.scenario.parties.indices)))
        }
        self.domains = domains
        self.references = references
    }

    /// The record of a negotiation that could not be played: every party gets its reservation value.
    public func failedRecord(_ negotiation: Tournament.Negotiation, reason: String) -> NegotiationRecord {
        let entry = tournament.entries[negotiation.entry]
        let scenario = entry.scenario
        return NegotiationRecord(
            id: negotiation.id, scenario: entry.name,
            agents: negotiation.competitors.map { tournament.competitors[$0].id },
            parties: scenario.parties.map(\.id), repetition: negotiation.repetition, seed: negotiation.seed,
            ending: "failed", reason: reason, round: 0, t: 0, utilities: scenario.parties.map(\.reservation),
            discountedUtilities: scenario.parties.map(\.reservation),
            welfare: scenario.parties.reduce(0) { $0 + $1.reservation })
    }

    /// Plays one negotiation.
    public func play(_ negotiation: Tournament.Negotiation) -> NegotiationRecord {
        let entry = tournament.entries[negotiation.entry]
        let domain = domains[negotiation.entry]
        let scenario = entry.scenario
        let agents = negotiation.competitors.map { tournament.competitors[$0] }
        let clock = WallClock()
        let base = failedRecord(negotiation, reason: "")
        let configuration = SessionConfiguration(
            mechanism: tournament.mechanism, participants: Array(scenario.parties.indices),
            deadline: tournament.deadline, seed: negotiation.seed, recordsTrace: false,
            timeLimit: tournament.timeLimit)
        let session: Session
        do {
            session = try Session(domain: domain, configuration: configuration, agents: agents.map(\.agent))
        } catch {
            var record = base
            record.reason = error.description
            return record
        }
        let result = session.run()
        var record = base
        record.reason = nil
        record.round = result.round
        record.t = result.t
        record.utilities = result.utilities
        record.discountedUtilities = result.discountedUtilities
        record.welfare = result.welfare
        switch result.ending {
        case .agreement: record.ending = "agreement"
        case .deadline: record.ending = "deadline"
        case .walkAway(let party):
            record.ending = "walk-away"
            record.endedBy = scenario.parties.indices.contains(party) ? scenario.parties[party].id : "mediator"
        case .violation(let party, let reason):
            record.ending = "violation"
            record.endedBy = scenario.parties[party].id
            record.reason = reason
        case .agentFailed(let party, let reason):
            record.ending = "failed"
            record.endedBy = scenario.parties[party].id
            record.reason = "the agent of party '\(scenario.parties[party].id)' \(reason)"
        case .timeLimit:
            record.ending = "failed"
            record.reason = "exceeded the time limit of \(tournament.timeLimit ?? 0) s per negotiation"
        }
        if let agreement = result.agreement {
            record.agreement = scenario.space.labels(of: domain.outcome(agreement)).map(\.level)
            if let reference = references[negotiation.entry] {
                let metrics = reference.metrics(of: result, in: domain)
                record.paretoDistance = metrics.paretoDistance
                record.nashDistance = metrics.nashDistance
            }
        }
        record.seconds = clock.elapsed
        return record
    }

    /// Plays negotiations on `parallelism` tasks. Each task calls `willStart` before a negotiation and `didFinish`
    /// with its record right after it, before taking the next one — so a caller that persists records there loses
    /// at most the negotiations in progress if the process dies. Records arrive in completion order: sort by
    /// ``NegotiationRecord/id`` for a result independent of the schedule. Stops taking new negotiations once
    /// `shouldStop` returns true.
    public func run(
        _ negotiations: [Tournament.Negotiation], parallelism: Int,
        shouldStop: @escaping @Sendable () -> Bool = { false },
        willStart: @escaping @Sendable (Tournament.Negotiation) -> Void = { _ in },
        didFinish: @escaping @Sendable (NegotiationRecord) -> Void
    ) async {
        let next = Counter()
        let workers = max(1, min(parallelism, negotiations.count))
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<workers {
                group.addTask { [self] in
                    while !shouldStop() {
                        let index = next.take()
                        guard index < negotiations.count else { break }
                        willStart(negotiations[index])
                        didFinish(play(negotiations[index]))
                    }
                }
            }
        }
    }
}

/// A shared index dispenser.
final class Counter: Sendable {
    private let value = Atomic<Int>(0)

    func take() -> Int { value.wrappingAdd(1, ordering: .relaxed).oldValue }
}
