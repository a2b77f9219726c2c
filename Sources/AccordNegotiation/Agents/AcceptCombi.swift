import AccordCore

/// AC_combi(T, MAX^W): accept when AC_next holds, or when t ≥ T and the offer is at least as good as every
/// offer received before (W = the whole history).
public struct AcceptCombi: AcceptanceCondition {
    public var time: Double
    public init(time: Double) { self.time = time }
    public func accepts(offered: Double, next: Double, t: Double, bestReceived: Double) -> Bool {
        offered >= next - utilityTolerance || (t >= time && offered >= bestReceived - utilityTolerance)
    }
}
