import Foundation

/// One line of a YAML document as written, read for what explaining a mistake needs: its indentation, whether it
/// is a list item, and the key it starts with.
struct SourceLine: Sendable {
    /// The 1-based line number.
    var number: Int
    /// The line without its line break.
    var text: Substring
    /// The spaces before the first other character.
    var indent: Int
    /// Whether a tab appears before the first other character.
    var hasTabIndent: Bool
    /// Whether the line starts a list item (`- `).
    var isListItem: Bool
    /// What follows the indentation and any `- ` markers, without surrounding spaces.
    var content: Substring
    /// The 0-based column where ``content`` starts: the column of the line's key, when it has one.
    var contentColumn: Int
    /// The key the line starts with (`id` in `- id: a`), when its content is a plain `key: value` or `key:`.
    var key: String?

    /// Whether the line holds anything (it is neither blank nor a comment).
    var isContent: Bool { !content.isEmpty && !content.hasPrefix("#") }

    /// Whether the content ends with `:`, opening a block below it.
    var opensBlock: Bool { content.hasSuffix(":") }

    /// The lines of a document, numbered from 1 as libyaml numbers them (`\n`, `\r\n` and `\r` end a line).
    static func lines(of text: String) -> [SourceLine] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .enumerated().map { SourceLine(number: $0 + 1, text: $1) }
    }

    init(number: Int, text: Substring) {
        self.number = number
        self.text = text
        let leading = text.prefix { $0 == " " || $0 == "\t" }
        hasTabIndent = leading.contains("\t")
        indent = text.prefix { $0 == " " }.count
        var rest = text.dropFirst(leading.count)
        var column = leading.count
        isListItem = false
        while rest == "-" || rest.hasPrefix("- ") {
            isListItem = true
            let marker = rest.prefix { $0 == "-" || $0 == " " }
            rest = rest.dropFirst(marker.count)
            column += marker.count
        }
        content = rest.drop { $0 == " " }
        contentColumn = column + (rest.count - content.count)
        while content.last == " " { content = content.dropLast() }
        key = Self.plainKey(of: content)
    }

    /// The key of `key: value` or `key:` when the key is plain text (not quoted, not a flow collection).
    private static func plainKey(of content: Substring) -> String? {
        guard let first = content.first, !"\"'[{#&*!|>%@`".contains(first) else { return nil }
        let end =
            content.range(of: ": ")?.lowerBound
            ?? (content.hasSuffix(":") ? content.index(before: content.endIndex) : nil)
        guard let end else { return nil }
        let key = content[..<end]
        return key.isEmpty || key.contains(" #") || key.contains(where: { "{}[],\"'".contains($0) }) ? nil : String(key)
    }

    /// The content when it is a plain `key:value` missing the space after its colon (`name:x`), else `nil`.
    var keyWithoutSpace: Substring? {
        guard key == nil, let first = content.first, !"\"'[{#&*!|>%@`".contains(first),
            let colon = content.firstIndex(of: ":"), colon != content.startIndex
        else { return nil }
        let after = content.index(after: colon)
        guard after < content.endIndex, !" :/".contains(content[after]) else { return nil }
        return content
    }

    /// Whether the content is plain text with no key: a key whose colon is missing, read as text.
    var isPlainTextWithoutKey: Bool {
        guard key == nil, !isListItem, let first = content.first else { return false }
        return !"\"'[{#&*!|>%@`-".contains(first)
    }

    /// Whether the content is a word followed by a flow collection without a colon between them (`weights {a: 1}`).
    var lacksColonBeforeFlow: Bool {
        guard key == nil, isPlainTextWithoutKey || isListItem else { return false }
        let word = content.prefix { !" {[:".contains($0) }
        let rest = content.dropFirst(word.count)
        return !word.isEmpty && rest.first == " " && ["{", "["].contains(rest.drop { $0 == " " }.first)
    }

    /// How the line is named in a sentence: its key in quotes, or its content.
    var quotedKey: String { "'\(key ?? String(content))'" }
}
