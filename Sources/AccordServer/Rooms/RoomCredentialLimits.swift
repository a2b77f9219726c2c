/// How the server meets repeated failed room credentials for one room: after ``slowAfter`` failures each further
/// failure waits ``delay`` times the excess (at most two seconds), after ``refuseAfter`` it is refused with 429;
/// the count starts again after ``window`` seconds without a failure. A valid credential always passes.
public struct RoomCredentialLimits: Sendable {
    /// Failures answered at once.
    public var slowAfter: Int
    /// Failures after which the room refuses failing credentials with 429.
    public var refuseAfter: Int
    /// Seconds without a failure after which the count starts again.
    public var window: Double
    /// Seconds of delay per failure beyond ``slowAfter``.
    public var delay: Double

    /// Creates limits; the defaults: slowed after 5 failures, refused after 20, for 10 minutes, 0.25 s a step.
    public init(slowAfter: Int = 5, refuseAfter: Int = 20, window: Double = 600, delay: Double = 0.25) {
        self.slowAfter = slowAfter
        self.refuseAfter = refuseAfter
        self.window = window
        self.delay = delay
    }
}
