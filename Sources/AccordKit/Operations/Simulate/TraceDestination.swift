/// Where a simulation streams every action as it happens, one JSON object each (the objects of the report's
/// `trace`): to a JSON Lines file, to the run's monitor as ``RunEvent/action(_:)`` events, or both. The report itself
/// keeps only the first and the last actions of a long session; a destination sees every one in constant memory.
public struct TraceDestination: Sendable, Equatable {
    /// The JSON Lines file to write (created, or emptied, before the run), or nil.
    public var file: String?
    /// Whether every action also goes to the monitor as ``RunEvent/action(_:)``.
    public var sendsToMonitor: Bool

    /// Creates a destination.
    public init(file: String? = nil, sendsToMonitor: Bool = false) {
        self.file = file
        self.sendsToMonitor = sendsToMonitor
    }

    /// A JSON Lines file (`--trace FILE`).
    public static func file(_ path: String) -> TraceDestination { TraceDestination(file: path) }

    /// The run's monitor, one ``RunEvent/action(_:)`` per action (a server's event stream).
    public static let monitor = TraceDestination(sendsToMonitor: true)

    /// The destination as JSON, for a run record's parameters.
    var json: JSONValue {
        .object([("file", file.map(JSONValue.string) ?? .null), ("monitor", .bool(sendsToMonitor))])
    }
}
