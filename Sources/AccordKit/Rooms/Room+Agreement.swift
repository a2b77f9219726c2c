extension Room {
    /// The agreement as a document every participant may keep: the room's name, the parties, each issue with the
    /// option agreed (ids and names), how and when it was reached, and the agreement an improvement replaced.
    ///
    /// - Throws: ``RoomError`` (conflict) before an agreement.
    public func agreementDocument() throws(RoomError) -> JSONValue {
        guard let agreement else { throw RoomError(.conflict, "there is no agreement yet") }
        return .object([
            ("room", .string(id)), ("name", .string(skeleton.name)), ("state", .string(state.rawValue)),
            (
                "parties",
                .array(
                    zip(skeleton.partyIDs, skeleton.partyNames).map {
                        .object([("id", .string($0)), ("name", .string($1))])
                    })
            ),
            ("terms", terms(of: agreement.outcome)), ("basis", .string(agreement.basis.rawValue)),
            ("proposal", agreement.proposalID.map(JSONValue.string) ?? .null),
            ("at", .string(Self.timestamp(agreement.at))),
            ("previous", agreement.previous.map { terms(of: $0) } ?? .null),
        ])
    }

    /// The agreement as Markdown: the same content as ``agreementDocument()``.
    public func agreementMarkdown() throws(RoomError) -> String {
        guard let agreement else { throw RoomError(.conflict, "there is no agreement yet") }
        var lines = ["# Agreement: \(skeleton.name)", ""]
        lines.append("Parties: " + skeleton.partyNames.joined(separator: ", ") + ".")
        lines.append("")
        lines += ["| Issue | Agreed |", "|---|---|"]
        for (issue, option) in labels(of: agreement.outcome) { lines.append("| \(issue) | \(option) |") }
        lines.append("")
        let basis =
            switch agreement.basis {
            case .proposal: "every party accepted proposal \(agreement.proposalID ?? "")"
            case .secretAcceptance: "the parties' secret acceptances overlapped"
            case .improvement: "every party accepted the post-settlement improvement \(agreement.proposalID ?? "")"
            }
        lines.append("Reached \(Self.timestamp(agreement.at)): \(basis).")
        return lines.joined(separator: "\n") + "\n"
    }

    private func terms(of outcome: Outcome) -> JSONValue {
        .array(
            zip(skeleton.space.issues, outcome.levels).map { issue, level in
                .object([
                    ("issue", .string(issue.id)), ("issueName", .string(issue.name)),
                    ("option", .string(issue.label(ofLevel: level))),
                    ("optionName", .string(issue.isNumeric ? issue.label(ofLevel: level) : issue.options[level].name)),
                ])
            })
    }

    private func labels(of outcome: Outcome) -> [(String, String)] {
        zip(skeleton.space.issues, outcome.levels).map { issue, level in
            (issue.name, issue.isNumeric ? issue.label(ofLevel: level) : issue.options[level].name)
        }
    }
}
