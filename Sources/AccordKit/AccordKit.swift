@_exported import AccordCore
@_exported import AccordForecast
@_exported import AccordFormats
@_exported import AccordNegotiation
@_exported import AccordReport

/// The release of Accord that this library belongs to, as recorded in every run record.
public enum AccordRelease {
    /// The version, such as `0.1.0`.
    public static let version = "0.1.0"
}
