import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `accord serve` started as a subprocess on a free port, for tests of the whole process: its URL (read from the
/// line it prints), and a small HTTP client.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    let url: URL
    private let output: Pipe

    /// Starts the server and waits (up to 30 s) for the line that gives its URL.
    init(arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let executable = try #require(AccordTool.executable, sourceLocation: sourceLocation)
        process.executableURL = executable
        process.arguments = ["serve", "--port", "0"] + arguments
        output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = ""
        let deadline = Date().addingTimeInterval(30)
        while !line.contains("\n"), Date() < deadline {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            line += String(decoding: data, as: UTF8.self)
        }
        guard let match = line.firstMatch(of: /http:\/\/[0-9.]+:[0-9]+\//) else {
            process.terminate()
            throw ServerProcessError(description: "accord serve printed no URL: '\(line)'")
        }
        url = URL(string: String(match.output))!
        _ = line
    }

    /// Sends a request and returns the status and the body.
    func request(_ method: String, _ path: String, body: String? = nil, contentType: String = "application/json")
        async throws -> (status: Int, body: String)
    {
        var request = URLRequest(url: URL(string: path, relativeTo: url)!)
        request.httpMethod = method
        request.timeoutInterval = 60
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    /// Kills the process with a signal and waits for it.
    func kill(_ signal: Int32) {
        Foundation.kill(process.processIdentifier, signal)
        process.waitUntilExit()
    }

    deinit {
        if process.isRunning {
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}

struct ServerProcessError: Error, CustomStringConvertible {
    var description: String
}
