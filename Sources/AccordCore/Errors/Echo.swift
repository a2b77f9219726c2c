/// How an error message echoes what it was given: a value cut to its first ``characterLimit`` characters with "…",
/// and a list of valid ids cut after ``listLimit`` entries ("a, b, c, d, e, f and 12 more"), so that no input — a
/// 10 MB id, a scenario with thousands of issues — can make an error long.
public enum Echo {
    /// The most characters of a value an error shows.
    public static let characterLimit = 40
    /// The most ids of a list an error shows.
    public static let listLimit = 6

    /// The text cut to ``characterLimit`` characters with "…".
    public static func cut(_ text: String) -> String {
        text.count > characterLimit ? String(text.prefix(characterLimit)) + "…" : text
    }

    /// The first ``listLimit`` ids, each cut, comma-separated, then how many more there are.
    public static func list(_ ids: [String]) -> String {
        let shown = ids.prefix(listLimit).map(cut).joined(separator: ", ")
        return ids.count > listLimit ? shown + " and \(ids.count - listLimit) more" : shown
    }

    /// The longest word (a run without spaces) a message shows: longer ones are cut with "…". A file path may be
    /// longer, up to ``pathLimit``.
    public static let wordLimit = 60
    /// The longest path a message shows.
    public static let pathLimit = 512
    /// The most lines a message shows (a sentence and its list of problems).
    public static let lineLimit = 120

    /// The message as it leaves Accord (the command line's standard error, a problem's detail, a failed run's
    /// error): every word longer than ``wordLimit`` characters (a path: ``pathLimit``) cut with "…", and the lines
    /// after ``lineLimit`` counted instead of shown. The safety net behind ``cut(_:)``: whatever a reader echoes,
    /// no input can make a message long.
    public static func bounded(_ message: String) -> String {
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
        var shown = lines.prefix(lineLimit).map { line in
            line.split(separator: " ", omittingEmptySubsequences: false).map { word in
                let limit = isPath(word) ? pathLimit : wordLimit
                return word.count > limit ? word.prefix(limit) + "…" : word
            }.joined(separator: " ")
        }
        if lines.count > lineLimit { shown.append("… and \(lines.count - lineLimit) more lines") }
        return shown.joined(separator: "\n")
    }

    /// Whether a word reads as a file path (after any opening quote or parenthesis): absolute, relative to `.`,
    /// `..` or `~`, or a name followed by "/" — not markup such as `</item>`.
    private static func isPath(_ word: Substring) -> Bool {
        let core = word.drop { "'\"(".contains($0) }
        if core.hasPrefix("/") || core.hasPrefix("./") || core.hasPrefix("../") || core.hasPrefix("~/") { return true }
        return core.first.map { $0.isLetter || $0.isNumber } == true && core.contains("/") && !core.contains("<")
    }
}
