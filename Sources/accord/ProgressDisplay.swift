import AccordKit
import ArgumentParser
import Foundation
import Synchronization

/// Shows how far a long run is on standard error: a bar with rate and ETA on a terminal, plain lines otherwise
/// (logs, CI), nothing with `--progress none`; a note (such as a restarted worker) gets a line of its own in every
/// mode. In `auto` mode nothing is drawn during the first second (`ACCORD_PROGRESS_DELAY` seconds, for tests), so
/// quick runs stay silent. The first progress event is the starting point: work that an earlier run did counts as
/// done, not in the rate. Safe to call from several tasks.
final class ProgressDisplay: RunMonitor {
    /// What `--progress` asks for.
    enum Mode: String, CaseIterable, ExpressibleByArgument {
        case auto, bar, lines, none
    }

    private let mode: Mode
    /// When drawing may start: a second after the display was made in `auto` mode, at once otherwise.
    private let quietUntil: ContinuousClock.Instant
    private let state = Mutex<ProgressMeter?>(nil)

    /// A display in `mode`; `auto` becomes a bar on a terminal and lines otherwise, after a delay.
    init(mode: Mode) {
        self.mode = mode == .auto ? (isatty(STDERR_FILENO) == 1 ? .bar : .lines) : mode
        let delay = ProcessInfo.processInfo.environment["ACCORD_PROGRESS_DELAY"].flatMap(Double.init) ?? 1
        quietUntil = .now + (mode == .auto ? .milliseconds(Int(min(max(0, delay), 86_400) * 1000)) : .zero)
    }

    func observe(_ event: RunEvent) {
        state.withLock { state in
            switch event {
            case .progress(let progress):
                guard var current = state else {
                    state = ProgressMeter(progress)
                    return
                }
                current.advance(to: progress)
                if mode != .none, ContinuousClock.now >= quietUntil,
                    let text = mode == .bar ? current.drawBar() : current.drawLine()
                {
                    Self.write(text)
                }
                state = current
            case .note(let note):
                let freshLine = mode == .bar && state?.hasDrawn == true
                Self.write((freshLine ? "\n" : "") + "accord: " + note + "\n")
            case .action:
                break
            }
        }
    }

    /// Never: the run stops on SIGINT or SIGTERM (``Interrupt``), which the command installs.
    var isCancelled: Bool { false }

    /// Ends the bar's line.
    func finish() {
        state.withLock { state in
            if mode == .bar, let state, state.hasDrawn { Self.write("\r" + state.barLine() + "\n") }
        }
    }

    private static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
