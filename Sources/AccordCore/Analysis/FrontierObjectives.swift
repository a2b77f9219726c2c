/// The objectives of the zone-based solutions, written as the enumerating scans compute them (same operations,
/// same order), for ``AdditiveFrontierSearch``: each returns `nil` outside its set, and each is monotone.
enum FrontierObjectives {
    /// Whether every party but `left` (every party when it is −1) has a margin of at least −ε.
    @inline(__always)
    static func accepts(_ u: UnsafeBufferPointer<Double>, _ d: [Double], except left: Int = -1) -> Bool {
        for p in 0..<u.count where p != left {
            if u[p] - d[p] < -utilityTolerance { return false }
        }
        return true
    }

    /// Nash: Π_i max(0, u_i − d_i) over the zone, in party order (``ZoneScan``, ``CoalitionScan``).
    static func nash(_ d: [Double]) -> (UnsafeBufferPointer<Double>) -> Double? {
        { u in
            guard accepts(u, d) else { return nil }
            var product = 1.0
            for p in 0..<u.count { product *= max(0, u[p] - d[p]) }
            return product
        }
    }

    /// Utilitarian: Σ_i u_i over the zone, in party order from 0.
    static func utilitarian(_ d: [Double]) -> (UnsafeBufferPointer<Double>) -> Double? {
        { u in
            guard accepts(u, d) else { return nil }
            var sum = 0.0
            for p in 0..<u.count { sum += u[p] }
            return sum
        }
    }

    /// The smallest margin min_i (u_i − d_i): over the zone (egalitarian) or over every outcome crossing no red line
    /// (the closest package, `inZone` false).
    static func smallestMargin(_ d: [Double], inZone: Bool) -> (UnsafeBufferPointer<Double>) -> Double? {
        { u in
            if inZone && !accepts(u, d) { return nil }
            var smallest = Double.infinity
            for p in 0..<u.count { smallest = min(smallest, u[p] - d[p]) }
            return smallest
        }
    }

    /// Kalai–Smorodinsky: min_i of (u_i − d_i)/(I_i − d_i) over the zone, a party's ratio 1 when its span is within ε
    /// (``KalaiSmorodinskyScan``).
    static func kalaiSmorodinsky(_ d: [Double], ideal: [Double]) -> (UnsafeBufferPointer<Double>) -> Double? {
        { u in
            var objective = Double.infinity
            for p in 0..<u.count {
                let gain = u[p] - d[p]
                if gain < -utilityTolerance { return nil }
                let span = ideal[p] - d[p]
                objective = min(objective, span > utilityTolerance ? gain / span : 1)
            }
            return objective
        }
    }

    /// One party's utility, over the outcomes every other party accepts (`othersAccept`) or over all.
    static func utility(of party: Int, _ d: [Double], othersAccept: Bool) -> (UnsafeBufferPointer<Double>) -> Double? {
        { u in
            if othersAccept && !accepts(u, d, except: party) { return nil }
            return u[party]
        }
    }

    /// One party's utility over the zone (each party's best in the zone: the KS point's I_i).
    static func utilityInZone(of party: Int, _ d: [Double]) -> (UnsafeBufferPointer<Double>) -> Double? {
        { u in accepts(u, d) ? u[party] : nil }
    }
}
