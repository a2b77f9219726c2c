import Foundation

/// Counts the negotiation records of a progress log as another process appends them, reading only the complete
/// lines added since the last look (a line still being written is read the next time).
struct ProgressLogTail {
    /// The log's path.
    let path: String
    /// The records counted so far.
    private(set) var records = 0
    /// Where the next unread line starts.
    private var offset: UInt64 = 0

    init(path: String) { self.path = path }

    /// Reads the lines added since the last call; returns whether the count of records changed.
    mutating func update() -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let end = try? handle.seekToEnd() else { return false }
        let before = records
        if end < offset {
            // Rewritten from the start (not the way a worker writes it): count again.
            offset = 0
            records = 0
        }
        guard end > offset, (try? handle.seek(toOffset: offset)) != nil, let data = try? handle.readToEnd(),
            let last = data.lastIndex(of: UInt8(ascii: "\n"))
        else { return records != before }
        let prefix = Array("{\"id\":".utf8)
        records += data[..<last].split(separator: UInt8(ascii: "\n")).filter { $0.starts(with: prefix) }.count
        offset += UInt64(last - data.startIndex + 1)
        return records != before
    }
}
