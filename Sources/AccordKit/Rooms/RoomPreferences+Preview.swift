extension RoomPreferences {
    /// The party's own utility of each package under these preferences, and whether it would accept it (at or
    /// above its reservation value, no red line crossed): the live preview of its page. Shown to that party alone.
    ///
    /// - Throws: ``RoomError`` when the preferences no longer read for the party.
    public func preview(of outcomes: [Outcome], party: String, in skeleton: RoomSkeleton) throws(RoomError)
        -> [(utility: Double, accepted: Bool)]
    {
        let party = try self.party(party, in: skeleton)
        return outcomes.map { outcome in
            (party.utility.utility(of: outcome, in: skeleton.space), party.accepts(outcome, in: skeleton.space))
        }
    }
}
