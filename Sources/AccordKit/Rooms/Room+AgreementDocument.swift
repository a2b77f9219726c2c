import Foundation

extension Room {
    /// The agreement as a document every participant may keep: the room, the parties, the package agreed (issue and
    /// option names), how and when it was reached, the agreement it replaced, and the room's disclosure policy. It
    /// holds nothing private: no preference, no utility, no secret acceptance, no one's response but the unanimous
    /// one the agreement is.
    ///
    /// - Parameter markdown: Markdown text when true; otherwise the JSON document (`room`, `name`, `parties`,
    ///   `agreement` with `package` and `packageNames`, `basis`, `proposal`, `at`, `previous`, `disclosure`).
    /// - Throws: ``RoomError`` (conflict) before an agreement.
    public func agreementDocument(markdown: Bool) throws(RoomError) -> String {
        guard let agreement else { throw RoomError(.conflict, "there is no agreement yet") }
        let names = named(agreement.outcome)
        let previous = agreement.previous.map(named)
        if !markdown {
            let rows = { (rows: [(issue: String, option: String)]) in
                JSONValue.object(rows.map { ($0.issue, .string($0.option)) })
            }
            return JSONValue.object([
                ("room", .string(id)), ("name", .string(skeleton.name)),
                ("parties", .array(skeleton.partyNames.map(JSONValue.string))),
                (
                    "agreement",
                    .object([
                        ("package", skeleton.json(of: agreement.outcome)), ("packageNames", rows(names)),
                        ("basis", .string(agreement.basis.rawValue)),
                        ("proposal", agreement.proposalID.map(JSONValue.string) ?? .null),
                        ("at", .string(Self.timestamp(agreement.at))),
                        ("previous", agreement.previous.map { skeleton.json(of: $0) } ?? .null),
                    ])
                ),
                ("disclosure", disclosure.json),
            ]).serialized() + "\n"
        }
        var lines = [
            "# Agreement: \(skeleton.name)", "",
            "Reached \(Self.timestamp(agreement.at)) (server time) by \(skeleton.partyNames.joined(separator: ", ")): "
                + basisSentence(agreement), "", "| Issue | Agreed |", "|---|---|",
        ]
        lines += names.map { "| \(Self.cell($0.issue)) | \(Self.cell($0.option)) |" }
        if let previous {
            lines += ["", "It replaces the earlier agreement, which every party found worse:", ""]
            lines += previous.map { "- \($0.issue): \($0.option)" }
        }
        lines += [
            "",
            "Room \(id). Disclosure policy: "
                + DisclosurePolicy.keys.filter { disclosure.json[$0] == .bool(true) }.joined(separator: ", ")
                .nonEmpty(or: "the most private (the mediator learned only whether a deal existed)") + ".",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Each issue's name and the option's name in the package.
    private func named(_ outcome: Outcome) -> [(issue: String, option: String)] {
        zip(skeleton.space.issues, outcome.levels).map { issue, level in
            (issue.name, issue.isNumeric ? issue.label(ofLevel: level) : issue.options[level].name)
        }
    }

    private func basisSentence(_ agreement: RoomAgreement) -> String {
        switch agreement.basis {
        case .proposal: "every party accepted proposal \(agreement.proposalID ?? "")."
        case .secretAcceptance: "the parties' secret acceptances overlapped; the engine declared this package."
        case .improvement: "every party accepted the engine's post-settlement improvement."
        }
    }

    /// Text for a Markdown table cell: pipes escaped, lines joined.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}

extension String {
    fileprivate func nonEmpty(or fallback: String) -> String { isEmpty ? fallback : self }
}
