import AccordCore

/// AC_const(c): accept when u(offer) ≥ c.
public struct AcceptConstant: AcceptanceCondition {
    public var threshold: Double
    public init(threshold: Double) { self.threshold = threshold }
    public func accepts(offered: Double, next: Double, t: Double, bestReceived: Double) -> Bool {
        offered >= threshold - utilityTolerance
    }
}
