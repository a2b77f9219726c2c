/// AC_time(T): accept (any individually rational offer) once t ≥ T.
public struct AcceptTime: AcceptanceCondition {
    public var time: Double
    public init(time: Double) { self.time = time }
    public func accepts(offered: Double, next: Double, t: Double, bestReceived: Double) -> Bool { t >= time }
}
