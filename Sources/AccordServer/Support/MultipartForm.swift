import Foundation

/// A small reader of `multipart/form-data` bodies (RFC 7578): each part's field name, file name and bytes.
enum MultipartForm {
    struct Part: Sendable {
        var name: String?
        var filename: String?
        var body: [UInt8]
    }

    /// The most parts a form may have.
    static let partLimit = 64

    /// The boundary of a `multipart/form-data` content type.
    static func boundary(of contentType: String) throws -> String {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                if !value.isEmpty, value.count <= 70 { return value }
            }
        }
        throw Problem.badRequest("the multipart/form-data body has no boundary parameter.")
    }

    /// The parts of a body.
    static func parts(of body: [UInt8], boundary: String) throws -> [Part] {
        let delimiter = Array(("--" + boundary).utf8)
        var starts = occurrences(of: delimiter, in: body)
        guard starts.count >= 2 else { throw Problem.badRequest("the multipart/form-data body has no parts.") }
        guard starts.count <= partLimit + 1 else {
            throw Problem.badRequest("the multipart/form-data body has more than \(partLimit) parts.")
        }
        var parts: [Part] = []
        let last = starts.removeLast()
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1] : last
            var from = start + delimiter.count
            if from + 1 < end, body[from] == 13, body[from + 1] == 10 { from += 2 }
            var to = end
            if to - 2 >= from, body[to - 2] == 13, body[to - 1] == 10 { to -= 2 }
            parts.append(try part(Array(body[from..<to])))
        }
        return parts
    }

    private static func part(_ bytes: [UInt8]) throws -> Part {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let split = occurrences(of: separator, in: bytes).first else {
            throw Problem.badRequest("a part of the multipart/form-data body has no headers.")
        }
        let headers = String(decoding: bytes[..<split], as: UTF8.self)
        var part = Part(body: Array(bytes[(split + 4)...]))
        for line in headers.split(separator: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
            part.name = parameter("name", in: line)
            part.filename = parameter("filename", in: line)
        }
        return part
    }

    private static func parameter(_ key: String, in line: Substring) -> String? {
        for piece in line.split(separator: ";") {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == key {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    /// Where `needle` starts in `haystack`, left to right, without overlaps. O(n·m) with m the boundary's length.
    static func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> [Int] {
        guard !needle.isEmpty, haystack.count >= needle.count else { return [] }
        var found: [Int] = []
        var index = 0
        let first = needle[0]
        while index <= haystack.count - needle.count {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) {
                found.append(index)
                index += needle.count
            } else {
                index += 1
            }
        }
        return found
    }

    /// A file name safe to write in a folder: its last path component, letters, digits, `.`, `-` and `_` only.
    static func safeName(_ name: String, index: Int) -> String {
        let base = name.split(separator: "/").last.map(String.init) ?? ""
        let kept = String(base.filter { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }.prefix(100))
        return kept.isEmpty || kept.hasPrefix(".") ? "file\(index)" : kept
    }
}
