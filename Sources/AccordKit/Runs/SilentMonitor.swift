/// A monitor that watches nothing and never cancels.
public struct SilentMonitor: RunMonitor {
    /// Creates the monitor.
    public init() {}

    public func observe(_ event: RunEvent) {}

    public var isCancelled: Bool { false }
}
