import Foundation
import Logging
import Synchronization

/// Every log line a logger wrote, at every level, with its metadata: to check what the logs never say.
final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])

    /// A logger at trace level that writes here.
    func logger() -> Logger {
        var logger = Logger(label: "accord.tests.log-lines") { label in Handler(label: label, lines: self) }
        logger.logLevel = .trace
        return logger
    }

    /// How many lines were written.
    var count: Int { lines.withLock { $0.count } }

    /// Whether any line contains `text`.
    func contains(_ text: String) -> Bool { lines.withLock { $0.contains { $0.contains(text) } } }

    fileprivate func append(_ line: String) { lines.withLock { $0.append(line) } }

    private struct Handler: LogHandler {
        let label: String
        let lines: LogLines
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
            let error = event.error.map { String(reflecting: $0) } ?? ""
            lines.append("\(event.level) \(event.message) \(merged) \(error) \(event.source) \(label)")
        }
    }
}
