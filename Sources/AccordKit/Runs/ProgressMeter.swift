import Foundation

/// A progress display's state and text for a terminal or a log (the CLI's `--progress`): the counts, the rate since
/// the first event, and when it last drew — a bar at most every 100 ms, a plain line at every tenth or every 10 s.
/// The first event is the starting point: work an earlier run did counts as done, not in the rate.
public struct ProgressMeter: Sendable {
    /// The units of work in all.
    public private(set) var total: Int
    /// The units done.
    public private(set) var done: Int
    /// The units done at the first event.
    public let startDone: Int
    /// The unit's name, plural (`negotiations`, `draws`, `shards`).
    public let unit: String
    /// When the meter started.
    public let start = ContinuousClock.now
    private var lastDraw = ContinuousClock.now - .seconds(10)
    private var lastLinePercent = -1
    /// Whether anything was drawn yet.
    public private(set) var hasDrawn = false

    /// A meter whose starting point is `progress`.
    public init(_ progress: RunProgress) {
        total = progress.total
        done = progress.done
        startDone = progress.done
        unit = progress.unit
    }

    /// Moves to `progress`.
    public mutating func advance(to progress: RunProgress) {
        total = progress.total
        done = progress.done
    }

    /// The bar to write now (from the line's start, `\r`), if any: at most every 100 ms, and at the end.
    public mutating func drawBar() -> String? {
        let now = ContinuousClock.now
        guard now - lastDraw >= .milliseconds(100) || done == total else { return nil }
        lastDraw = now
        hasDrawn = true
        return "\r" + barLine()
    }

    /// The line to write now, if any: at every tenth of the work, every 10 s, and at the end.
    public mutating func drawLine() -> String? {
        let now = ContinuousClock.now
        let percent = self.percent
        guard percent / 10 != lastLinePercent / 10 || now - lastDraw >= .seconds(10) || done == total else {
            return nil
        }
        lastLinePercent = percent
        lastDraw = now
        hasDrawn = true
        return plainLine() + "\n"
    }

    private var percent: Int { total == 0 ? 100 : done * 100 / total }

    private var rate: Double {
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return seconds > 0 ? Double(done - startDone) / seconds : 0
    }

    /// The rate, with one decimal below 10 a second (a few shards a minute do not read as 0/s).
    private var rateText: String { String(format: rate < 10 ? "%.1f" : "%.0f", rate) }

    private var eta: String {
        let rate = rate
        guard rate > 0 else { return "--:--" }
        let seconds = Int(min(359_999, (Double(total - done) / rate).rounded(.up)))
        return seconds >= 3600
            ? String(format: "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
            : String(format: "%02d:%02d", seconds / 60, seconds % 60)
    }

    /// The bar: `[####------] done/total percent% rate/s ETA mm:ss`.
    public func barLine() -> String {
        let width = 30
        let filled = total == 0 ? width : done * width / total
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        return "[\(bar)] \(done)/\(total) \(percent)% \(rateText)/s ETA \(eta)  "
    }

    private func plainLine() -> String {
        "accord: \(done)/\(total) \(unit) (\(percent)%), \(rateText)/s, ETA \(eta)"
    }
}
