/// Scenario ids made from names: lower-case letters, digits and `-`, at most 48 characters.
enum ScenarioID {
    /// The id for a name; later attempts add `-2`, `-3`, ….
    static func make(from name: String, attempt: Int) -> String {
        var id = ""
        for character in name.lowercased() {
            if character.isASCII, character.isLetter || character.isNumber {
                id.append(character)
            } else if !id.isEmpty, id.last != "-" {
                id.append("-")
            }
            if id.count >= 48 { break }
        }
        while id.hasSuffix("-") { id.removeLast() }
        if id.isEmpty { id = "scenario" }
        return attempt == 0 ? id : "\(id)-\(attempt + 1)"
    }

    /// Whether a text is a well-formed id.
    static func isValid(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 64
            && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}
