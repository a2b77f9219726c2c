import Foundation

extension Room {
    /// The room as the store keeps it: everything public about it (no preference, no secret acceptance), dates as
    /// milliseconds since 1970 so that expiry times survive a restart exactly.
    public var document: JSONValue {
        .object([
            ("id", .string(id)), ("scenario", skeleton.document), ("disclosure", disclosure.json),
            ("fairness", .string(fairness.rawValue)), ("state", .string(state.rawValue)),
            ("createdAt", Self.stamp(createdAt)),
            ("preferencesEntered", .array(partyIDs.filter(preferencesEntered.contains).map(JSONValue.string))),
            ("proposals", .array(proposals.map(storedJSON))), ("agreement", agreement.map(storedJSON) ?? .null),
            ("textRevision", .int(textRevision)),
        ])
    }

    /// Reads a room the store kept.
    ///
    /// - Throws: ``RoomError`` when the document does not read (a store written by another release).
    public init(document: JSONValue, revision: Int) throws(RoomError) {
        guard let id = document["id"]?.scalarText, let scenario = document["scenario"],
            let fairnessText = document["fairness"]?.scalarText, let fairness = FairnessRule(rawValue: fairnessText),
            let stateText = document["state"]?.scalarText, let state = RoomState(rawValue: stateText),
            let createdAt = Self.date(document["createdAt"])
        else { throw RoomError(.invalid, "a stored room does not read") }
        self.init(
            id: id, skeleton: try RoomSkeleton(json: scenario),
            disclosure: try DisclosurePolicy(json: document["disclosure"]),
            fairness: fairness, createdAt: createdAt)
        self.state = state
        self.revision = revision
        preferencesEntered = Set((document["preferencesEntered"]?.items ?? []).compactMap(\.scalarText))
        textRevision = Int(document["textRevision"]?.scalarText ?? "0") ?? 0
        proposals = try (document["proposals"]?.items ?? []).map { item throws(RoomError) in try readProposal(item) }
        if let stored = document["agreement"], stored != .null { agreement = try readAgreement(stored) }
    }

    private func storedJSON(_ proposal: RoomProposal) -> JSONValue {
        .object([
            ("id", .string(proposal.id)), ("package", skeleton.json(of: proposal.outcome)),
            ("kind", .string(proposal.kind.rawValue)), ("author", .string(proposal.author)),
            ("createdAt", Self.stamp(proposal.createdAt)), ("expiresAt", proposal.expiresAt.map(Self.stamp) ?? .null),
            ("revision", proposal.revision.map(JSONValue.int) ?? .null), ("closed", .bool(proposal.isClosed)),
            (
                "responses",
                .array(
                    proposal.responses.map {
                        .object([
                            ("party", .string($0.party)), ("accept", .bool($0.accept)),
                            ("objections", .array($0.objections.map(JSONValue.string))), ("at", Self.stamp($0.at)),
                        ])
                    })
            ),
        ])
    }

    private func storedJSON(_ agreement: RoomAgreement) -> JSONValue {
        .object([
            ("package", skeleton.json(of: agreement.outcome)), ("basis", .string(agreement.basis.rawValue)),
            ("proposal", agreement.proposalID.map(JSONValue.string) ?? .null), ("at", Self.stamp(agreement.at)),
            ("previous", agreement.previous.map { skeleton.json(of: $0) } ?? .null),
        ])
    }

    private func readProposal(_ item: JSONValue) throws(RoomError) -> RoomProposal {
        guard let id = item["id"]?.scalarText, let kindText = item["kind"]?.scalarText,
            let kind = RoomProposal.Kind(rawValue: kindText), let author = item["author"]?.scalarText,
            let createdAt = Self.date(item["createdAt"])
        else { throw RoomError(.invalid, "a stored proposal does not read") }
        var proposal = RoomProposal(
            id: id, outcome: try skeleton.outcome(item["package"], path: "package"), kind: kind, author: author,
            createdAt: createdAt, expiresAt: Self.date(item["expiresAt"]),
            revision: item["revision"]?.scalarText.flatMap { Int($0) })
        proposal.isClosed = item["closed"] == .bool(true)
        proposal.responses = (item["responses"]?.items ?? []).compactMap { response in
            guard let party = response["party"]?.scalarText, let at = Self.date(response["at"]) else { return nil }
            return RoomResponse(
                party: party, accept: response["accept"] == .bool(true),
                objections: (response["objections"]?.items ?? []).compactMap(\.scalarText), at: at)
        }
        return proposal
    }

    private func readAgreement(_ item: JSONValue) throws(RoomError) -> RoomAgreement {
        guard let basisText = item["basis"]?.scalarText, let basis = RoomAgreement.Basis(rawValue: basisText),
            let at = Self.date(item["at"])
        else { throw RoomError(.invalid, "a stored agreement does not read") }
        let previous = item["previous"].flatMap { $0 == .null ? nil : $0 }
        return RoomAgreement(
            outcome: try skeleton.outcome(item["package"], path: "package"), basis: basis,
            proposalID: item["proposal"]?.scalarText, at: at,
            previous: try previous.map { value throws(RoomError) in try skeleton.outcome(value, path: "previous") })
    }

    /// A date as whole milliseconds since 1970.
    static func stamp(_ date: Date) -> JSONValue { .int(Int((date.timeIntervalSince1970 * 1000).rounded())) }

    /// A date from milliseconds since 1970; `nil` for null or anything else.
    static func date(_ value: JSONValue?) -> Date? {
        guard let text = value?.scalarText, let milliseconds = Double(text) else { return nil }
        return Date(timeIntervalSince1970: milliseconds / 1000)
    }

    /// A date as the API writes it: ISO 8601 in UTC with milliseconds.
    public static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
