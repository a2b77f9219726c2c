extension Scenario {
    /// The most partial outcomes one half of the issues may hold when ``agreementZoneCount(members:options:)``
    /// counts without enumerating: 10,000,000 (about 10^13 outcomes for two balanced halves).
    public static let zoneCountHalfLimit = 10_000_000

    /// The number of outcomes every party (or every member of a coalition) accepts, counted without enumerating the
    /// space, whatever its size when the utilities are additive.
    ///
    /// The count is the enumerating analysis's, outcome for outcome: with every party it is
    /// ``AgreementZone/count``, with a coalition its ``CoalitionAnalysis/zoneCount`` (a member accepts when its
    /// utility is at least its reservation minus ε and it crosses none of its own red lines; the red lines of
    /// parties outside the coalition do not count). It is found by meet in the middle (docs/methods.md, "Counting
    /// the zone without enumeration"), and is not limited by ``AnalysisOptions/maxOutcomes``.
    ///
    /// - Parameters:
    ///   - members: the indices of the parties that must accept; every party when `nil`.
    ///   - options: the round or date whose available options are counted (the other settings are not used).
    /// - Complexity: about O(√N · k · log N) for N outcomes and k members with two members, and a further
    ///   log N factor per member beyond two; memory O(√N · k).
    /// - Throws: ``AnalysisError/nonAdditiveUtility(party:outcomes:limit:)`` when a party's utility is not
    ///   additive; ``AnalysisError/spaceTooLarge(outcomes:afterPruning:limit:)`` when a half of the issues holds
    ///   more than ``zoneCountHalfLimit`` partial outcomes; ``AnalysisError/emptySelection(issue:)`` when an issue
    ///   has no available option.
    public func agreementZoneCount(members: [Int]? = nil, options: AnalysisOptions = AnalysisOptions())
        throws(AnalysisError) -> Int
    {
        let available = Selection.available(in: space, round: options.round, date: options.date)
        if let empty = available.levels.firstIndex(where: \.isEmpty) { throw .emptySelection(issue: issues[empty].id) }
        let members = members ?? Array(parties.indices)
        let tables = try AdditiveTables(scenario: self, selection: available)
        let counter = try MeetInTheMiddleCount(tables: tables, halfLimit: Self.zoneCountHalfLimit)
        return counter.count(members: members.filter { parties.indices.contains($0) })
    }
}
