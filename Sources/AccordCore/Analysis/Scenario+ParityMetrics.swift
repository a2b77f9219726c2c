/// Accumulates both measures over every outcome of a walk.
struct ParityScan: OutcomeVisitor {
    let parties: Int
    /// Frontier utilities, flat (point-major).
    let frontier: [Double]
    var opposition = Double.infinity
    var total = 0.0
    var count = 0

    mutating func shouldDescend(depth: Int, prefix: UnsafeBufferPointer<Double>) -> Bool { true }

    mutating func visit(utilities: UnsafeBufferPointer<Double>, mask: UInt64, digits: UnsafeBufferPointer<Int>) {
        var toIdeal = 0.0
        for p in 0..<parties { toIdeal += (1 - utilities[p]) * (1 - utilities[p]) }
        opposition = min(opposition, toIdeal)
        var nearest = Double.infinity
        frontier.withUnsafeBufferPointer { points in
            var start = 0
            while start < points.count {
                var squared = 0.0
                for p in 0..<parties {
                    let d = utilities[p] - points[start + p]
                    squared += d * d
                    if squared >= nearest { break }
                }
                nearest = min(nearest, squared)
                start += parties
            }
        }
        if nearest.isFinite { total += nearest.squareRoot() }
        count += 1
    }
}

extension ScenarioAnalysis {
    /// GENIUS's opposition and bid distribution for the analysed outcomes (see ``ParityMetrics``).
    ///
    /// - Complexity: O(outcomes × frontier size × parties): meant for benchmark domains, not huge spaces.
    public func parityMetrics() throws(AnalysisError) -> ParityMetrics {
        var scan = ParityScan(
            parties: scenario.parties.count, frontier: frontier.flatMap(\.utilities))
        try scenario.enumeration(of: selection).walk(&scan)
        return ParityMetrics(
            opposition: scan.opposition.squareRoot(),
            distribution: scan.count == 0 ? 0 : scan.total / Double(scan.count))
    }
}
