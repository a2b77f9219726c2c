extension AdditiveTables {
    /// The packages most often inside the zone, as positions in the selection's outcome-index order: most often
    /// first, then the larger Nash product Π_i max(0, u_i − d_i) at these (nominal) tables, then the lower outcome
    /// index; packages never in the zone are left out.
    ///
    /// - Parameters:
    ///   - counts: per position, how many draws had the package in the zone.
    ///   - strides: per issue, the positions one step of its level moves.
    ///   - limit: the most positions returned.
    /// - Complexity: O(k × (parties × issues + log k)) for the k packages ever in the zone.
    func robustRanking(counts: [Int32], strides: [Int], limit: Int) -> [Int] {
        var digits = [Int](repeating: 0, count: issueCount)
        let ranked: [(position: Int, count: Int32, nash: Double)] = counts.indices.compactMap { position in
            guard counts[position] > 0 else { return nil }
            var rest = position
            for issue in 0..<issueCount {
                digits[issue] = rest / strides[issue]
                rest %= strides[issue]
            }
            var nash = 1.0
            for p in 0..<partyCount {
                var utility = 0.0
                for issue in 0..<issueCount { utility += contribution[p][issue][digits[issue]] }
                nash *= max(0, utility - reservations[p])
            }
            return (position, counts[position], nash)
        }
        return ranked.sorted {
            if $0.count != $1.count { return $0.count > $1.count }
            if $0.nash != $1.nash { return $0.nash > $1.nash }
            return $0.position < $1.position
        }
        .prefix(limit).map(\.position)
    }
}
