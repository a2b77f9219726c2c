import Foundation

/// How both stores keep times: to the millisecond, so that a time read back from either store equals
/// ``rounded(_:)`` of the time written, exactly.
///
/// SQLite keeps GRDB's text form (`yyyy-MM-dd HH:mm:ss.SSS`, UTC), written here from whole milliseconds so that the
/// text does not depend on how a platform's date formatter rounds; PostgreSQL keeps a `TIMESTAMPTZ` (microseconds,
/// and postgres-nio truncates to them). Both are rounded to the millisecond on the way out, since GRDB's parser and
/// postgres-nio's decoder land a few nanoseconds off.
enum StoreDate {
    /// Whole milliseconds since 1970-01-01 00:00 UTC, rounded to the nearest.
    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    /// The time `milliseconds` after 1970-01-01 00:00 UTC.
    static func date(milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// The time rounded to the nearest millisecond: what a store reads back.
    static func rounded(_ date: Date) -> Date {
        self.date(milliseconds: milliseconds(date))
    }

    /// GRDB's text form of the time rounded to the millisecond: `yyyy-MM-dd HH:mm:ss.SSS` in UTC, so that text
    /// order is time order.
    static func sqliteText(_ date: Date) -> String {
        let total = milliseconds(date)
        let (days, dayMilliseconds) = floorDivision(total, 86_400_000)
        let (year, month, day) = civilDate(daysSince1970: days)
        let (hour, rest) = floorDivision(dayMilliseconds, 3_600_000)
        let (minute, secondMilliseconds) = floorDivision(rest, 60_000)
        let (second, millisecond) = floorDivision(secondMilliseconds, 1000)
        return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2) + " " + padded(hour, 2) + ":"
            + padded(minute, 2) + ":" + padded(second, 2) + "." + padded(millisecond, 3)
    }

    /// The proleptic Gregorian date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    private static func civilDate(daysSince1970 days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let quotient = value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
        return (quotient, value - quotient * divisor)
    }

    private static func padded(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
