import AccordKit
import ArgumentParser
import Foundation

/// The progress options every long command shares: `--progress` and `--quiet`.
struct ProgressOptions: ParsableArguments {
    @Option(
        help: """
            Progress on standard error: auto (after the first second, a bar on a terminal and plain lines \
            otherwise), bar, lines or none.
            """)
    var progress: ProgressDisplay.Mode = .auto

    @Flag(help: "Show no progress (the same as --progress none).")
    var quiet = false

    /// The display these options ask for.
    func display() -> ProgressDisplay {
        ProgressDisplay(mode: quiet ? .none : progress)
    }

    /// Runs `request` with progress shown as asked, ending the bar's line however the run ends.
    func run<Request: AccordOperation>(_ request: Request) async throws -> Request.Output {
        let display = display()
        defer { display.finish() }
        return try await request.run(monitor: display)
    }
}
