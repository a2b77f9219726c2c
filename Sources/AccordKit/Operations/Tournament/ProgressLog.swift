import Foundation
import Synchronization

/// A results folder's append-only progress log (`progress.jsonl`), shared by the tasks that play negotiations: a
/// `{"started": id}` line before each negotiation, its record right after it.
final class ProgressLog: Sendable {
    private let path: String
    private let handle: Mutex<FileHandle>

    /// Opens the log for appending, creating it if needed; `truncated` drops a last line cut short by a kill (its
    /// negotiation runs again).
    init(path: String, truncated: Bool) throws(IOFailure) {
        self.path = path
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw IOFailure.posix("cannot write '\(path)'")
            }
        }
        let handle: FileHandle
        do {
            handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
            if truncated {
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                let keep = (data.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 }) ?? 0
                try handle.truncate(atOffset: UInt64(keep))
            }
            try handle.seekToEnd()
        } catch {
            throw IOFailure("cannot write '\(path)'", error: error)
        }
        self.handle = Mutex(handle)
    }

    /// Notes that a negotiation starts.
    func started(_ id: Int) throws(IOFailure) {
        try append("{\"started\":\(id)}\n")
    }

    /// Appends a negotiation's record.
    func append(record: NegotiationRecord) throws(IOFailure) {
        try append(TournamentFiles.progressLine(record) + "\n")
    }

    private func append(_ line: String) throws(IOFailure) {
        let failure: IOFailure? = handle.withLock { handle in
            do {
                try handle.write(contentsOf: Data(line.utf8))
                return nil
            } catch {
                return IOFailure("cannot write '\(path)'", error: error)
            }
        }
        if let failure { throw failure }
    }
}
