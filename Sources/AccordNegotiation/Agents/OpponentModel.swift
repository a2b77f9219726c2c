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
