/// Dates as options name them (`--date 2026-01-15`): the form YYYY-MM-DD that scenario files use for expiry dates.
public enum ScenarioDate {
    /// Whether `text` is a date of the form YYYY-MM-DD (month 1–12, day 1–31).
    public static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil
        else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
