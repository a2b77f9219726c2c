import Foundation
import Testing

/// What one run of the `accord` executable produced.
struct ToolRun: Sendable, CustomStringConvertible {
    var status: Int32
    /// Whether the process ended by exiting (not by a signal such as a crash).
    var exited: Bool
    /// Whether the process was still running at the deadline and was terminated.
    var timedOut: Bool
    var stdout: String
    var stderr: String

    /// The lines written to standard error, without the final newline.
    var stderrLines: [String] {
        stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast(stderr.hasSuffix("\n") ? 1 : 0).map(
            String.init)
    }

    var description: String { "exit \(status)\nstdout: \(stdout.prefix(600))\nstderr: \(stderr.prefix(1200))" }
}

/// Runs the built `accord` tool as a subprocess.
enum AccordTool {
    /// The `accord` executable built beside the test bundle (SwiftPM's products directory), if found.
    ///
    /// `swift test` builds `accord` first because the test target depends on it; the products directory holds both
    /// `accord` and `AccordPackageTests.xctest`. On Linux the test bundle is an executable in that directory; on macOS
    /// it is a bundle whose parent is that directory, so both the main bundle and the parents of the running
    /// executable are searched.
    static let executable: URL? = {
        var directories: [URL] = [Bundle.main.bundleURL]
        if let executable = Bundle.main.executableURL { directories.append(executable.deletingLastPathComponent()) }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.deletingLastPathComponent()
        for _ in 0..<6 {
            directories.append(directory)
            directory = directory.deletingLastPathComponent()
        }
        for directory in directories {
            let candidate = directory.appendingPathComponent("accord")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
                !isDirectory.boolValue,
                FileManager.default.isExecutableFile(atPath: candidate.path)
            {
                return candidate
            }
        }
        return nil
    }()

    /// Runs `accord` with the arguments and waits for it to finish, or terminates it after `timeout`; output goes
    /// through temporary files, so large reports cannot fill a pipe and block the tool.
    static func run(
        _ arguments: [String], timeout: Duration = .seconds(120), environment: [String: String] = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> ToolRun {
        let executable = try #require(
            Self.executable, "the accord executable was not found beside the test bundle",
            sourceLocation: sourceLocation)
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let outURL = scratch.url.appendingPathComponent("stdout")
        let errURL = scratch.url.appendingPathComponent("stderr")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        // Automatic progress waits a day, so a slow test machine does not add progress lines to the tests that do
        // not ask for them.
        process.environment = ProcessInfo.processInfo.environment
            .merging(["ACCORD_PROGRESS_DELAY": "86400"]) { $1 }.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let deadline = ContinuousClock.now + timeout
        while process.isRunning && ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.01)
        }
        let timedOut = process.isRunning
        // SIGKILL, not `terminate()`: the child inherits the test runner's signal mask, in which SIGTERM can be
        // blocked, so a hung tool would survive SIGTERM and `waitUntilExit()` would never return.
        if timedOut { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        try out.close()
        try err.close()

        return ToolRun(
            status: process.terminationStatus, exited: process.terminationReason == .exit, timedOut: timedOut,
            stdout: try String(contentsOf: outURL, encoding: .utf8),
            stderr: try String(contentsOf: errURL, encoding: .utf8))
    }
}

/// A uniquely named directory under the system's temporary directory.
struct ScratchDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("accord-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes a file into the directory and returns its path.
    func file(_ name: String, _ contents: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try contents.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    /// Creates a subdirectory and returns its path.
    func directory(_ name: String) throws -> String {
        let directory = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
        return directory.path
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// Parses JSON text with Foundation's parser.
func parseJSON(_ text: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(text.utf8))
}
