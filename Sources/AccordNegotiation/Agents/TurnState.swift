/// What an agent knows when it is its turn.
public struct TurnState: Sendable {
    /// The round, counted from 1.
    public var round: Int
    /// Normalised time in [0, 1] (see ``Deadline/time(ofRound:elapsed:)``).
    public var t: Double
    /// The availability epoch of the round (see ``NegotiationDomain/epoch(ofRound:)``).
    public var epoch: Int
    /// The outcome on the table, or -1 when there is none.
    public var offer: Int
    /// The scenario index of the party that made the offer, or -1.
    public var offerer: Int

    public init(round: Int, t: Double, epoch: Int, offer: Int = -1, offerer: Int = -1) {
        self.round = round
        self.t = t
        self.epoch = epoch
        self.offer = offer
        self.offerer = offerer
    }

    /// Whether an offer is on the table.
    public var hasOffer: Bool { offer >= 0 }
}
