import AccordReport

/// The two selects that pick the parties of a utility square (horizontal, then vertical); the scripts redraw the
/// square when either changes.
enum PairPicker {
    /// The picker's HTML for parties given as (id, name); the first two are chosen.
    static func html(parties: [(id: String, name: String)]) -> String {
        let select = { (id: String, label: String, chosen: Int) -> String in
            let options = parties.enumerated().map { index, party in
                "<option value=\"\(xmlEscaped(party.id))\"\(index == chosen ? " selected" : "")>"
                    + "\(xmlEscaped(party.name))</option>"
            }
            return "<label for=\"\(id)\">\(label)</label><select id=\"\(id)\">\(options.joined())</select>"
        }
        return "<div class=\"pair\">" + select("pair-x", "Horizontal party", 0)
            + select("pair-y", "Vertical party", min(1, parties.count - 1)) + "</div>"
    }
}
