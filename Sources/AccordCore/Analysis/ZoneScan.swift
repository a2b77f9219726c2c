/// The tolerance used for every comparison of utilities: dominance, individual rationality, ties.
public let utilityTolerance = 1e-9

/// A best-so-far record: the objective value and the outcome (as selection indices) that reached it.
struct Record {
    var value = -Double.infinity
    var digits: [Int]? = nil

    /// Keeps the candidate when strictly better; the walk is lexicographic, so ties keep the lowest index.
    @inline(__always)
    mutating func offer(_ candidate: Double, _ digits: UnsafeBufferPointer<Int>) {
        if candidate > value {
            value = candidate
            self.digits = Array(digits)
        }
    }
}

/// The first pass over a selection: the agreement zone, the solutions that need no zone-wide ideal point,
/// the closest package when the zone is empty, and the zones that open when one party is left out.
struct ZoneScan: OutcomeVisitor {
    let tables: AdditiveTables
    let tracksBlocking: Bool

    var zoneCount = 0
    /// The zone's best packages by the listing key (see ``AgreementZone/outcomes``).
    var zoneList: ZoneRanking
    var nash = Record()
    var utilitarian = Record()
    var egalitarian = Record()
    /// The best min_i (u_i − d_i) over outcomes that cross no red line (negative when the zone is empty).
    var closest = Record()
    /// The best utility of each party inside the zone.
    var zoneIdeal: [Double]
    /// Per left-out party: how many outcomes all the others accept, and their Nash point.
    var countWithout: [Int]
    var nashWithout: [Record]

    private let full: Int
    private let reservations: [Double]

    /// - Parameter listLimit: how many of the zone's packages to keep, the best by the listing key.
    /// - Parameter tracksBlocking: also count, for each party, the outcomes all the others accept (needs three
    ///   or more parties, and at most 62); this visits more of the space, so analyses ask for it only when the
    ///   zone turns out empty.
    init(tables: AdditiveTables, listLimit: Int, tracksBlocking: Bool = false) {
        self.tables = tables
        zoneList = ZoneRanking(limit: listLimit)
        let parties = tables.partyCount
        self.tracksBlocking = tracksBlocking && parties >= 3 && parties <= 62
        zoneIdeal = Array(repeating: -Double.infinity, count: parties)
        countWithout = Array(repeating: 0, count: parties)
        nashWithout = Array(repeating: Record(), count: parties)
        full = parties >= 63 ? -1 : (1 << parties) - 1
        reservations = tables.reservations
    }

    mutating func shouldDescend(depth: Int, prefix: UnsafeBufferPointer<Double>) -> Bool {
        var hopeless = 0
        var bound = Double.infinity
        for p in 0..<tables.partyCount {
            let upper = prefix[p] + tables.maxRest[p][depth] - tables.reservations[p]
            if upper < -utilityTolerance { hopeless += 1 }
            bound = min(bound, upper)
        }
        if hopeless == 0 || (tracksBlocking && hopeless == 1) { return true }
        return bound > closest.value
    }

    @inline(__always)
    mutating func visit(utilities: UnsafeBufferPointer<Double>, mask: UInt64, digits: UnsafeBufferPointer<Int>) {
        let parties = tables.partyCount
        var rational = 0
        var minMargin = Double.infinity
        var crossesAny = false
        reservations.withUnsafeBufferPointer { reservations in
            for p in 0..<parties {
                let margin = utilities[p] - reservations[p]
                minMargin = min(minMargin, margin)
                let crosses = mask != 0 && tables.crossesRedLine(p, mask: mask)
                crossesAny = crossesAny || crosses
                if !crosses && margin >= -utilityTolerance { rational |= 1 &<< p }
            }
        }
        if !crossesAny && minMargin > closest.value { closest.offer(minMargin, digits) }
        if rational == full {
            zoneCount += 1
            var product = 1.0
            var sum = 0.0
            reservations.withUnsafeBufferPointer { reservations in
                for p in 0..<parties {
                    product *= max(0, utilities[p] - reservations[p])
                    sum += utilities[p]
                    zoneIdeal[p] = max(zoneIdeal[p], utilities[p])
                }
            }
            zoneList.offer(margin: ZoneRanking.marginKey(minMargin), nash: product, digits: digits)
            if product > nash.value { nash.offer(product, digits) }
            if sum > utilitarian.value { utilitarian.offer(sum, digits) }
            if minMargin > egalitarian.value { egalitarian.offer(minMargin, digits) }
            guard tracksBlocking else { return }
            // Every party accepts, so the outcome is in each zone that leaves one party out.
            for left in 0..<parties { countWithoutAndNash(left, utilities: utilities, digits: digits) }
            return
        }
        guard tracksBlocking else { return }
        let missing = full & ~rational
        guard missing & (missing - 1) == 0 else { return }  // more than one party refuses
        countWithoutAndNash(missing.trailingZeroBitCount, utilities: utilities, digits: digits)
    }

    @inline(__always)
    private mutating func countWithoutAndNash(
        _ left: Int, utilities: UnsafeBufferPointer<Double>, digits: UnsafeBufferPointer<Int>
    ) {
        countWithout[left] += 1
        var product = 1.0
        reservations.withUnsafeBufferPointer { reservations in
            for p in 0..<tables.partyCount where p != left { product *= max(0, utilities[p] - reservations[p]) }
        }
        if product > nashWithout[left].value { nashWithout[left].offer(product, digits) }
    }
}

/// The second pass: the Kalai–Smorodinsky point, which needs each party's best utility inside the zone.
struct KalaiSmorodinskyScan: OutcomeVisitor {
    let tables: AdditiveTables
    /// Party i's best utility inside the zone.
    let ideal: [Double]
    var best = Record()

    mutating func shouldDescend(depth: Int, prefix: UnsafeBufferPointer<Double>) -> Bool {
        var bound = Double.infinity
        for p in 0..<tables.partyCount {
            let upper = prefix[p] + tables.maxRest[p][depth] - tables.reservations[p]
            if upper < -utilityTolerance { return false }
            bound = min(bound, ratio(upper, party: p))
        }
        return bound > best.value
    }

    @inline(__always)
    private func ratio(_ gain: Double, party p: Int) -> Double {
        let span = ideal[p] - tables.reservations[p]
        return span > utilityTolerance ? gain / span : 1
    }

    mutating func visit(utilities: UnsafeBufferPointer<Double>, mask: UInt64, digits: UnsafeBufferPointer<Int>) {
        var objective = Double.infinity
        for p in 0..<tables.partyCount {
            let gain = utilities[p] - tables.reservations[p]
            if gain < -utilityTolerance { return }
            if mask != 0 && tables.crossesRedLine(p, mask: mask) { return }
            objective = min(objective, ratio(gain, party: p))
        }
        best.offer(objective, digits)
    }
}

/// A search for one party's best outcome among those that cross none of its own red lines.
struct IdealScan: OutcomeVisitor {
    let tables: AdditiveTables
    let party: Int
    var best = Record()

    mutating func shouldDescend(depth: Int, prefix: UnsafeBufferPointer<Double>) -> Bool {
        prefix[party] + tables.maxRest[party][depth] > best.value
    }

    mutating func visit(utilities: UnsafeBufferPointer<Double>, mask: UInt64, digits: UnsafeBufferPointer<Int>) {
        if mask != 0 && tables.crossesRedLine(party, mask: mask) { return }
        best.offer(utilities[party], digits)
    }
}
