import AccordKit
import Foundation
import Synchronization

/// Shows how far a long run is: a bar with rate and ETA on a terminal, plain lines otherwise (logs, CI). Safe to
/// advance from several tasks.
final class ProgressDisplay: Sendable {
    private let state: Mutex<ProgressState>

    init(total: Int, done: Int, mode: Mode) {
        let resolved = mode == .auto ? (isatty(STDERR_FILENO) == 1 ? Mode.bar : .lines) : mode
        state = Mutex(ProgressState(total: total, done: done, mode: resolved))
    }

    /// One more negotiation finished.
    func advance() { state.withLock { $0.advance() } }

    /// Ends the bar's line.
    func finish() { state.withLock { $0.finish() } }
}

extension ProgressDisplay {
    enum Mode: String, CaseIterable {
        case auto, bar, lines, none
    }

}

struct ProgressState {
    typealias Mode = ProgressDisplay.Mode
    let total: Int
    var done: Int
    let startDone: Int
    let mode: Mode
    let start = ContinuousClock.now
    var lastDraw = ContinuousClock.now - .seconds(10)
    var lastLinePercent = -1

    init(total: Int, done: Int, mode: Mode) {
        self.total = total
        self.done = done
        startDone = done
        self.mode = mode
    }

    mutating func advance() {
        done += 1
        let now = ContinuousClock.now
        switch mode {
        case .bar:
            if now - lastDraw >= .milliseconds(100) || done == total {
                lastDraw = now
                write("\r" + barLine())
            }
        case .lines:
            let percent = total == 0 ? 100 : done * 100 / total
            if percent / 10 != lastLinePercent / 10 || now - lastDraw >= .seconds(10) || done == total {
                lastLinePercent = percent
                lastDraw = now
                write(plainLine() + "\n")
            }
        case .auto, .none:
            break
        }
    }

    func finish() {
        if mode == .bar { write("\r" + barLine() + "\n") }
    }

    private var rate: Double {
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return seconds > 0 ? Double(done - startDone) / seconds : 0
    }

    private var eta: String {
        let rate = rate
        guard rate > 0 else { return "--:--" }
        let seconds = Int((Double(total - done) / rate).rounded(.up))
        return seconds >= 3600
            ? String(format: "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
            : String(format: "%02d:%02d", seconds / 60, seconds % 60)
    }

    private func barLine() -> String {
        let width = 30
        let filled = total == 0 ? width : done * width / total
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let percent = total == 0 ? 100 : done * 100 / total
        return "[\(bar)] \(done)/\(total) \(percent)% \(String(format: "%.0f", rate))/s ETA \(eta)  "
    }

    private func plainLine() -> String {
        let percent = total == 0 ? 100 : done * 100 / total
        return "accord: \(done)/\(total) negotiations (\(percent)%), \(String(format: "%.0f", rate))/s, ETA \(eta)"
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
