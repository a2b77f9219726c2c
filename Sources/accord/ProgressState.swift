import AccordKit
import Foundation

/// Where a ``ProgressDisplay`` stands: the counts, the rate since the first event, and when it last drew.
struct ProgressState {
    private(set) var total: Int
    private(set) var done: Int
    let startDone: Int
    let unit: String
    let start = ContinuousClock.now
    private var lastDraw = ContinuousClock.now - .seconds(10)
    private var lastLinePercent = -1
    /// Whether anything was drawn yet.
    private(set) var hasDrawn = false

    /// The starting point.
    init(_ progress: RunProgress) {
        total = progress.total
        done = progress.done
        startDone = progress.done
        unit = progress.unit
    }

    mutating func advance(to progress: RunProgress) {
        total = progress.total
        done = progress.done
    }

    /// The text to write now in `mode`, if any: a bar at most every 100 ms, a line at every tenth or every 10 s.
    mutating func draw(_ mode: ProgressDisplay.Mode) -> String? {
        let now = ContinuousClock.now
        switch mode {
        case .bar:
            guard now - lastDraw >= .milliseconds(100) || done == total else { return nil }
            lastDraw = now
            hasDrawn = true
            return "\r" + barLine()
        case .lines:
            let percent = self.percent
            guard percent / 10 != lastLinePercent / 10 || now - lastDraw >= .seconds(10) || done == total else {
                return nil
            }
            lastLinePercent = percent
            lastDraw = now
            hasDrawn = true
            return plainLine() + "\n"
        case .auto, .none:
            return nil
        }
    }

    private var percent: Int { total == 0 ? 100 : done * 100 / total }

    private var rate: Double {
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return seconds > 0 ? Double(done - startDone) / seconds : 0
    }

    private var eta: String {
        let rate = rate
        guard rate > 0 else { return "--:--" }
        let seconds = Int(min(359_999, (Double(total - done) / rate).rounded(.up)))
        return seconds >= 3600
            ? String(format: "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
            : String(format: "%02d:%02d", seconds / 60, seconds % 60)
    }

    func barLine() -> String {
        let width = 30
        let filled = total == 0 ? width : done * width / total
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        return "[\(bar)] \(done)/\(total) \(percent)% \(String(format: "%.0f", rate))/s ETA \(eta)  "
    }

    private func plainLine() -> String {
        "accord: \(done)/\(total) \(unit) (\(percent)%), \(String(format: "%.0f", rate))/s, ETA \(eta)"
    }
}
