/// When a negotiation must end: after a number of rounds, after some wall-clock seconds, or whichever comes
/// first.
public struct Deadline: Sendable, Hashable, Codable {
    /// The last round (rounds count from 1), if the negotiation is limited in rounds.
    public var rounds: Int?
    /// The wall-clock limit in seconds, if any.
    public var seconds: Double?

    /// The most rounds a negotiation limited only by wall-clock time may run, so that it always ends.
    public static let roundCap = 100_000_000

    public init(rounds: Int? = nil, seconds: Double? = nil) throws(NegotiationError) {
        if rounds == nil && seconds == nil { throw .badDeadline("give a number of rounds, of seconds, or both") }
        if let rounds, rounds <= 0 { throw .badDeadline("the number of rounds must be positive, not \(rounds)") }
        if let rounds, rounds > Self.roundCap {
            throw .badDeadline("at most \(Self.roundCap) rounds, not \(rounds)")
        }
        if let seconds, !(seconds > 0 && seconds.isFinite) {
            throw .badDeadline("the number of seconds must be positive, not \(seconds)")
        }
        self.rounds = rounds
        self.seconds = seconds
    }

    /// The normalised time of a round under GENIUS's discrete semantics: t = round / (R + 1), rounds counted
    /// from 1, so the first round has t = 1/(R+1) and the last R/(R+1). With a wall-clock limit t is the larger
    /// of that and the elapsed fraction of the limit.
    @inline(__always)
    public func time(ofRound round: Int, elapsed: Double = 0) -> Double {
        var t = 0.0
        if let rounds { t = Double(round) / Double(rounds + 1) }
        if let seconds { t = max(t, min(1, elapsed / seconds)) }
        return t
    }

    /// The last round a negotiation may reach.
    public var lastRound: Int { rounds ?? Self.roundCap }
}
