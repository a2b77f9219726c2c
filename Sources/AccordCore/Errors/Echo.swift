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
}
