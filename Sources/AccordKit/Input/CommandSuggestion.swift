/// How a command-line front end words a mistyped command and an argument parser's complaint: one sentence each, with
/// the nearest valid name when it is close (`analyse` → `analyze`).
public enum CommandSuggestion {
    /// The refusal of `word`, which is none of `names`: naming the nearest when it is at most two edits away, else
    /// listing them all.
    public static func unknownCommand(_ word: String, names: [String]) -> RequestError {
        let nearest = names.map { ($0, editDistance(word, $0)) }.min { $0.1 < $1.1 }
        if let nearest, nearest.1 <= 2 {
            return RequestError("unknown command '\(Echo.cut(word))'; did you mean '\(nearest.0)'?")
        }
        return RequestError("unknown command '\(Echo.cut(word))'; the commands are \(names.joined(separator: ", ")).")
    }

    /// An argument parser's message made one sentence: its first line, with a bulleted list of allowed values that
    /// follows "… the following:" moved onto it, ending with a full stop.
    public static func oneSentence(_ message: String) -> String {
        let lines = message.split(separator: "\n").map(String.init)
        var sentence = lines.first ?? message
        if sentence.hasSuffix(" the following:") {
            let values = lines.dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { $0.hasPrefix("- ") }.map { "'\($0.dropFirst(2))'" }
            sentence = sentence.dropLast(" the following:".count) + " " + values.joined(separator: ", ")
        }
        if !sentence.hasSuffix(".") && !sentence.hasSuffix("?") { sentence += "." }
        return sentence
    }

    /// The Levenshtein distance between two words.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        var row = Array(0...b.count)
        for i in a.indices {
            var diagonal = row[0]
            row[0] = i + 1
            for j in b.indices {
                let above = row[j + 1]
                row[j + 1] = min(above + 1, row[j] + 1, diagonal + (a[i] == b[j] ? 0 : 1))
                diagonal = above
            }
        }
        return row[b.count]
    }
}
