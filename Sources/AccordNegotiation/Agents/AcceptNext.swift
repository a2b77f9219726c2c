import AccordCore

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
