import RealModule

/// A monotonic clock for wall-clock deadlines.
struct WallClock {
    private let start: ContinuousClock.Instant

    init() { start = .now }

    var elapsed: Double {
        let duration = ContinuousClock.now - start
        return Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}

/// The utility a party receives at time t when its discount factor is d: u·d^t (no discount when d is nil or
/// outside (0, 1)).
@inline(__always)
public func discounted(_ utility: Double, factor: Double?, at t: Double) -> Double {
    guard let factor, factor > 0, factor < 1 else { return utility }
    return utility * Double.pow(factor, t)
}
