extension ScenarioAnalysis {
    /// The most packages ``forEachZonePackage(_:)`` lists from a space analysed without enumeration.
    public static let zoneExportLimit = 50_000_000

    /// Calls `body` with every package of the agreement zone, in outcome-index order, walking the analysed selection
    /// again rather than holding the zone: memory stays constant however many millions of packages it has.
    ///
    /// The packages are those counted by ``AgreementZone/count`` (with a reduced space, those among the remaining
    /// outcomes). When `body` throws, the walk stops and the error is rethrown.
    ///
    /// When the space was analysed without enumeration, a zone of more than ``zoneExportLimit`` packages is refused
    /// (``AnalysisError/zoneTooLargeToExport(packages:limit:)``) before anything is written.
    ///
    /// - Complexity: one walk over the selection that skips the sub-spaces some party cannot accept, O(parties +
    ///   issues) per package.
    public func forEachZonePackage(_ body: (ScoredOutcome) throws -> Void) throws {
        if isWithoutEnumeration && zone.count > Self.zoneExportLimit {
            throw AnalysisError.zoneTooLargeToExport(packages: zone.count, limit: Self.zoneExportLimit)
        }
        let enumeration = try scenario.enumeration(of: selection)
        try withoutActuallyEscaping(body) { body in
            var listing = ZoneListing(tables: enumeration.tables, enumeration: enumeration, body: body)
            enumeration.walk(&listing)
            if let failure = listing.failure { throw failure }
        }
    }
}

/// A walk that hands every package of the agreement zone to a closure, and stops at its first error.
private struct ZoneListing: OutcomeVisitor {
    let tables: AdditiveTables
    let enumeration: OutcomeEnumeration
    let body: (ScoredOutcome) throws -> Void
    var failure: (any Error)?

    mutating func shouldDescend(depth: Int, prefix: UnsafeBufferPointer<Double>) -> Bool {
        guard failure == nil else { return false }
        for p in 0..<tables.partyCount
        where prefix[p] + tables.maxRest[p][depth] - tables.reservations[p] < -utilityTolerance {
            return false
        }
        return true
    }

    mutating func visit(utilities: UnsafeBufferPointer<Double>, mask: UInt64, digits: UnsafeBufferPointer<Int>) {
        guard failure == nil else { return }
        for p in 0..<tables.partyCount {
            if utilities[p] - tables.reservations[p] < -utilityTolerance { return }
            if mask != 0 && tables.crossesRedLine(p, mask: mask) { return }
        }
        let package = Array(digits)
        do {
            try body(ScoredOutcome(outcome: enumeration.outcome(package), utilities: Array(utilities)))
        } catch {
            failure = error
        }
    }
}
