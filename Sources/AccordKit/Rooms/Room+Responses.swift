import Foundation

extension Room {
    /// What a response led to.
    public enum ResponseEffect: Sendable, Equatable {
        /// The response was recorded; the proposal is still open.
        case recorded
        /// Every party has now accepted: the proposal is the agreement.
        case agreed
        /// The improvement was rejected: the earlier agreement stands.
        case improvementRejected
    }

    /// Records a party's response to a proposal (replacing its earlier one). Accepting needs the proposal open: a
    /// lapsed one cannot be accepted (conflict), whatever the party's utility.
    public mutating func respond(
        to proposalID: String, accept: Bool, objections: [String], by role: RoomRole, now: Date
    ) throws(RoomError) -> ResponseEffect {
        guard let party = role.partyID else { throw RoomError(.forbidden, "only a party responds to proposals") }
        let proposal = try self.proposal(proposalID)
        if proposal.kind == .improvement {
            guard state == .agreed else { throw RoomError(.conflict, "the improvement vote is closed") }
        } else {
            try requireTalks()
        }
        switch proposal.status(at: now, parties: partyIDs) {
        case .lapsed: throw RoomError(.conflict, "proposal '\(proposalID)' lapsed and can no longer be accepted")
        case .superseded: throw RoomError(.conflict, "proposal '\(proposalID)' was superseded")
        case .accepted: throw RoomError(.conflict, "proposal '\(proposalID)' was already accepted by every party")
        case .open: break
        }
        let issueIDs = skeleton.space.issues.map(\.id)
        if let unknown = objections.first(where: { !issueIDs.contains($0) }) {
            throw RoomError(
                .invalid, "objections: there is no issue '\(Echo.cut(unknown))'; issues are: \(Echo.list(issueIDs))")
        }
        guard let index = proposals.firstIndex(where: { $0.id == proposalID }) else { return .recorded }
        proposals[index].responses.removeAll { $0.party == party }
        proposals[index].responses.append(
            RoomResponse(party: party, accept: accept, objections: accept ? [] : objections, at: now))
        if proposal.kind == .improvement && !accept {
            proposals[index].isClosed = true
            return .improvementRejected
        }
        guard proposals[index].isAccepted(by: partyIDs) else { return .recorded }
        agree(on: proposals[index], now: now)
        return .agreed
    }

    /// Makes an accepted proposal the agreement and closes every other open proposal.
    private mutating func agree(on proposal: RoomProposal, now: Date) {
        if proposal.kind == .improvement, let earlier = agreement {
            agreement = RoomAgreement(
                outcome: proposal.outcome, basis: .improvement, proposalID: proposal.id, at: now,
                previous: earlier.outcome)
            state = .improved
        } else {
            agreement = RoomAgreement(outcome: proposal.outcome, basis: .proposal, proposalID: proposal.id, at: now)
            state = .agreed
        }
        for index in proposals.indices where proposals[index].id != proposal.id { proposals[index].isClosed = true }
    }

    /// Declares the agreement the parties' secret acceptances overlap on (the engine finds it).
    public mutating func declareSecretAgreement(_ outcome: Outcome, now: Date) throws(RoomError) {
        try requireTalks()
        agreement = RoomAgreement(outcome: outcome, basis: .secretAcceptance, proposalID: nil, at: now)
        state = .agreed
        for index in proposals.indices { proposals[index].isClosed = true }
    }

    /// Puts the engine's post-settlement improvement to a unanimous vote (once, after an agreement).
    public mutating func proposeImprovement(_ outcome: Outcome, now: Date) throws(RoomError) -> RoomProposal {
        guard state == .agreed else { throw RoomError(.conflict, "an improvement follows an agreement") }
        guard !proposals.contains(where: { $0.kind == .improvement }) else {
            throw RoomError(.conflict, "the improvement was already proposed")
        }
        let proposal = RoomProposal(
            id: "p\(proposals.count + 1)", outcome: outcome, kind: .improvement, author: "engine", createdAt: now,
            expiresAt: nil)
        proposals.append(proposal)
        return proposal
    }

    /// The improvement proposal, once the engine has put one.
    public var improvementProposal: RoomProposal? { proposals.first { $0.kind == .improvement } }
}
