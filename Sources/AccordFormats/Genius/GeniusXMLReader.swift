import AccordCore

/// A small, tolerant XML reader for GENIUS files.
///
/// GENIUS reads its files with a hand-written parser that is far more lenient than XML, and the published files
/// depend on it. This reader accepts everything GENIUS accepts, and the same way:
///
/// - A bare `&` is an ordinary character; no entity is decoded (`&amp;` stays five characters), so a value is
///   exactly the characters GENIUS sees.
/// - Attributes need no whitespace between them (`type="discrete"vtype="discrete"`); values may be quoted with `"`
///   or `'`, span lines, or be unquoted; an attribute without `=` has an empty value; a repeated attribute's last
///   value wins.
/// - Comments, processing instructions (the XML declaration included) and `<!DOCTYPE …>` may appear anywhere,
///   also before the declaration; a UTF-8 byte-order mark is skipped.
/// - Bytes are read as UTF-8 when the file is valid UTF-8, otherwise as Windows-1252 (see ``Encoding``).
/// - Text content, CDATA and anything after the root element closes are ignored.
///
/// What it rejects, with the line: a file with no element (such as the plain-text `pareto.xml` files), text before
/// the root element, a start tag or quoted value never closed, an end tag that does not match the open element,
/// a file that ends before the root element closes, and elements nested more than ``maximumDepth`` deep.
package enum GeniusXMLReader {
    /// The deepest nesting of elements the reader accepts: GENIUS files nest a few levels (an ANAC 2014 nonlinear
    /// profile about ten), and a bound keeps a hostile file from building a tree too deep to free or walk.
    package static let maximumDepth = 1_000

    /// Reads the root element of a GENIUS XML file.
    ///
    /// - Parameters:
    ///   - bytes: the file's content.
    ///   - file: the file's name, for messages.
    /// - Complexity: O(n) in the number of bytes.
    package static func parse(_ bytes: [UInt8], file: String) throws(GeniusImportError) -> GeniusXMLElement {
        var scanner = Scanner(bytes: bytes, encoding: Encoding.detect(bytes), file: file)
        return try scanner.document()
    }
}

extension GeniusXMLReader {
    /// The cursor over a file's bytes. Every character that structures XML is ASCII, and in both encodings an ASCII
    /// byte is always that character, so the scan works on bytes and decodes only names and values.
    fileprivate struct Scanner {
        let bytes: [UInt8]
        let encoding: Encoding
        let file: String
        var position = 0
        /// Line bookkeeping: the line at `lineOffset`, advanced lazily.
        private var lineOffset = 0
        private var lineAtOffset = 1

        init(bytes: [UInt8], encoding: Encoding, file: String) {
            self.bytes = bytes
            self.encoding = encoding
            self.file = file
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        }

        /// The 1-based line of a byte offset (offsets must not decrease between calls, except for error messages).
        mutating func line(at offset: Int) -> Int {
            if offset < lineOffset {
                return 1 + bytes[..<offset].reduce(0) { $0 + ($1 == newline ? 1 : 0) }
            }
            for index in lineOffset..<min(offset, bytes.count) where bytes[index] == newline { lineAtOffset += 1 }
            lineOffset = offset
            return lineAtOffset
        }

        func error(_ message: String, at offset: Int) -> GeniusImportError {
            var copy = self
            return .malformedXML(file: file, line: copy.line(at: offset), message: message)
        }

        var isAtEnd: Bool { position >= bytes.count }

        func peek(_ ahead: Int = 0) -> UInt8? {
            position + ahead < bytes.count ? bytes[position + ahead] : nil
        }

        func hasPrefix(_ text: StaticString) -> Bool {
            let count = text.utf8CodeUnitCount
            guard position + count <= bytes.count else { return false }
            return text.withUTF8Buffer { prefix in
                for index in 0..<count where bytes[position + index] != prefix[index] { return false }
                return true
            }
        }

        mutating func skipWhitespace() {
            while let byte = peek(), isWhitespace(byte) { position += 1 }
        }

        /// Moves past the next occurrence of `terminator`; throws when the file ends first.
        mutating func skip(past terminator: StaticString, what: String) throws(GeniusImportError) {
            let start = position
            while !isAtEnd {
                if hasPrefix(terminator) {
                    position += terminator.utf8CodeUnitCount
                    return
                }
                position += 1
            }
            throw error("\(what) is never closed", at: start)
        }

        /// Moves past a `<!…>` declaration such as a DOCTYPE, allowing nested `<…>` pairs.
        mutating func skipDeclaration() throws(GeniusImportError) {
            let start = position
            var depth = 0
            while let byte = peek() {
                position += 1
                if byte == UInt8(ascii: "<") {
                    depth += 1
                } else if byte == UInt8(ascii: ">") {
                    depth -= 1
                    if depth == 0 { return }
                }
            }
            throw error("the declaration is never closed", at: start)
        }

        /// Skips a comment, processing instruction, declaration or CDATA section starting here; returns whether
        /// there was one.
        mutating func skipMarkup() throws(GeniusImportError) -> Bool {
            if hasPrefix("<!--") {
                try skip(past: "-->", what: "a comment")
            } else if hasPrefix("<![CDATA[") {
                try skip(past: "]]>", what: "a CDATA section")
            } else if hasPrefix("<?") {
                try skip(past: "?>", what: "a processing instruction")
            } else if hasPrefix("<!") {
                try skipDeclaration()
            } else {
                return false
            }
            return true
        }

        /// Whether a start tag (`<` and a name) begins here.
        func isAtStartTag() -> Bool {
            guard peek() == UInt8(ascii: "<"), let next = peek(1) else { return false }
            return !isWhitespace(next) && !"/!?<>=\"'".utf8.contains(next)
        }

        /// The whole document: prolog, then the root element.
        mutating func document() throws(GeniusImportError) -> GeniusXMLElement {
            while true {
                skipWhitespace()
                guard !isAtEnd else {
                    throw error("the file holds no XML element", at: bytes.count)
                }
                if try skipMarkup() { continue }
                guard isAtStartTag() else {
                    let snippet = textSnippet()
                    throw error(
                        "expected an element such as <utility_space>, found the text \"\(snippet)\"", at: position)
                }
                return try rootElement()
            }
        }

        /// A short excerpt of the text at the cursor, for messages.
        func textSnippet() -> String {
            var end = position
            while end < bytes.count, end - position < 40, bytes[end] != newline, bytes[end] != UInt8(ascii: "\r") {
                end += 1
            }
            return encoding.decode(bytes[position..<end])
        }

        /// Reads the root element and everything in it, without recursion; elements may nest at most
        /// ``GeniusXMLReader/maximumDepth`` deep.
        mutating func rootElement() throws(GeniusImportError) -> GeniusXMLElement {
            var open: [GeniusXMLElement] = []
            while true {
                let start = position
                let (element, isClosed) = try startTag()
                if isClosed {
                    guard let last = open.indices.last else { return element }
                    open[last].children.append(element)
                } else {
                    guard open.count < GeniusXMLReader.maximumDepth else {
                        throw error(
                            "elements nest more than \(GeniusXMLReader.maximumDepth) deep (GENIUS files nest a few "
                                + "levels)", at: start)
                    }
                    open.append(element)
                }
                // Content up to the next start tag, closing the elements whose end tags come first.
                while true {
                    while let byte = peek(), byte != UInt8(ascii: "<") { position += 1 }
                    guard !isAtEnd else {
                        let innermost = open[open.count - 1]
                        throw error(
                            "the file ends before \(innermost.tag) (line \(innermost.line)) is closed", at: bytes.count)
                    }
                    if try skipMarkup() { continue }
                    if hasPrefix("</") {
                        let closing = try endTag()
                        let element = open.removeLast()
                        guard closing.name == element.name else {
                            throw error(
                                "</\(Echo.cut(closing.name))> does not close \(Echo.cut(element.tag)), opened on line \(element.line)",
                                at: closing.offset)
                        }
                        guard let last = open.indices.last else { return element }
                        open[last].children.append(element)
                        continue
                    }
                    if isAtStartTag() { break }
                    position += 1  // a lone `<` in text
                }
            }
        }

        /// Reads `<name attributes…>` or `<name …/>` at the cursor.
        mutating func startTag() throws(GeniusImportError) -> (element: GeniusXMLElement, isClosed: Bool) {
            let start = position
            position += 1
            let name = readName()
            var element = GeniusXMLElement(name: name, line: line(at: start))
            while true {
                skipWhitespace()
                guard let byte = peek() else {
                    throw error("the start tag <\(name) is never closed", at: start)
                }
                if byte == UInt8(ascii: ">") {
                    position += 1
                    return (element, false)
                }
                if byte == UInt8(ascii: "/") {
                    position += 1
                    if peek() == UInt8(ascii: ">") {
                        position += 1
                        return (element, true)
                    }
                    continue
                }
                let attributeStart = position
                let attributeName = readName()
                guard !attributeName.isEmpty else {
                    let character = encoding.decode(bytes[position..<(position + 1)])
                    throw error("unexpected \"\(character)\" in the start tag <\(name)>", at: attributeStart)
                }
                skipWhitespace()
                var value = ""
                if peek() == UInt8(ascii: "=") {
                    position += 1
                    skipWhitespace()
                    value = try readValue(of: attributeName, in: name)
                }
                element.attributes.append(.init(name: attributeName, value: value))
            }
        }

        /// Reads `</name>` at the cursor.
        mutating func endTag() throws(GeniusImportError) -> (name: String, offset: Int) {
            let start = position
            position += 2
            skipWhitespace()
            let name = readName()
            while let byte = peek(), byte != UInt8(ascii: ">") { position += 1 }
            guard !isAtEnd else { throw error("the end tag </\(name) is never closed", at: start) }
            position += 1
            return (name, start)
        }

        /// A tag or attribute name: everything up to whitespace, `=`, `/`, `>`, `<` or a quote.
        mutating func readName() -> String {
            let start = position
            while let byte = peek(), !isWhitespace(byte), !"=/><\"'".utf8.contains(byte) { position += 1 }
            return encoding.decode(bytes[start..<position])
        }

        /// An attribute value: quoted (exactly the characters between the quotes) or unquoted (up to whitespace,
        /// `>` or `/>`).
        mutating func readValue(of attribute: String, in tag: String) throws(GeniusImportError) -> String {
            let start = position
            if let quote = peek(), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                position += 1
                let valueStart = position
                while let byte = peek(), byte != quote { position += 1 }
                guard !isAtEnd else {
                    throw error("the value of \(attribute) in <\(tag)> is never closed", at: start)
                }
                let value = encoding.decode(bytes[valueStart..<position])
                position += 1
                return value
            }
            while let byte = peek(), !isWhitespace(byte), byte != UInt8(ascii: ">") {
                if byte == UInt8(ascii: "/") && peek(1) == UInt8(ascii: ">") { break }
                position += 1
            }
            return encoding.decode(bytes[start..<position])
        }
    }
}

private let newline = UInt8(ascii: "\n")

private func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
}
