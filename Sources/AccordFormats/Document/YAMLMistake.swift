import AccordCore

/// A common mistake in writing YAML, recognised behind libyaml's error and told as a sentence about the mistake:
/// a line indented more or less than its neighbours, a tab, a missing colon or space after one, `: ` in a value,
/// an unclosed quote or bracket, a backslash in double quotes, a list item among the keys of a mapping.
///
/// libyaml reports where it stopped reading, which is often a line after the mistake ("could not find expected
/// ':'" points at the line below the key without its colon); the sentence names the line of the mistake itself,
/// and the key above it when that helps to see the indentation.
struct YAMLMistake: Sendable, Equatable {
    /// The 1-based line of the mistake.
    var line: Int
    /// What is wrong and how to put it right, without a final full stop.
    var message: String

    /// Where libyaml stopped, and what it was reading then.
    struct Report {
        /// libyaml's problem, such as `mapping values are not allowed in this context`.
        var problem: String
        /// The 1-based line and column where it stopped.
        var line: Int
        var column: Int
        /// What it was reading (`while scanning a simple key`), and from where, when it says.
        var context: String?
        var contextLine: Int?
        var contextColumn: Int?
    }

    /// The mistake behind a libyaml error in `text`, or `nil` when it is not one of the common ones.
    static func explain(_ report: Report, in text: String) -> YAMLMistake? {
        let document = Document(lines: SourceLine.lines(of: text))
        if let tab = document.tab(report) { return tab }
        let context = report.context ?? ""
        let opened = report.contextLine.flatMap(document.line)
        switch (context, report.problem) {
        case ("while scanning a quoted scalar", let problem)
        where problem.contains("end of stream") || problem.contains("document indicator"):
            return opened.map { document.unclosedQuote($0, column: report.contextColumn ?? 0) }
        case ("while parsing a quoted scalar", "found unknown escape character"):
            return document.line(report.line).map(document.unknownEscape)
        case (_, let problem)
        where context.hasPrefix("while parsing a flow") && problem.hasPrefix("did not find expected ','"):
            return opened.map { document.unclosedBracket($0, column: report.contextColumn ?? 0) }
        case ("while scanning a simple key", _):
            return opened.map(document.missingColon)
        case (_, "mapping values are not allowed in this context"):
            return document.line(report.line).flatMap { document.unexpectedValue($0, column: report.column) }
        case ("while parsing a block collection", "did not find expected '-' indicator"):
            guard let line = document.line(report.line), let opened else { return nil }
            return document.notAnItem(line, list: opened)
        case ("while parsing a block mapping", "did not find expected key"):
            return document.line(report.line).flatMap(document.notAKey)
        default:
            return nil
        }
    }
}

/// The lines of the document being explained, and one function per mistake.
private struct Document {
    var lines: [SourceLine]

    func line(_ number: Int) -> SourceLine? {
        lines.indices.contains(number - 1) ? lines[number - 1] : nil
    }

    /// The nearest line above `line` that holds anything.
    func contentLine(above line: SourceLine) -> SourceLine? {
        lines[..<max(0, line.number - 1)].last { $0.isContent }
    }

    /// How the line above is named: `the key above it ('id' on line 4)`.
    func above(_ line: SourceLine) -> String? {
        guard let previous = contentLine(above: line) else { return nil }
        if let key = previous.key { return "the key above it ('\(key)' on line \(previous.number))" }
        return "the line above it (line \(previous.number))"
    }

    /// A tab in the indentation of the line where libyaml stopped, or of the line it was reading from.
    func tab(_ report: YAMLMistake.Report) -> YAMLMistake? {
        let suspects = [report.line, report.contextLine].compactMap { $0 }.compactMap(line)
        guard let tabbed = suspects.first(where: \.hasTabIndent) else { return nil }
        return YAMLMistake(
            line: tabbed.number,
            message: "the line is indented with a tab; YAML indents with spaces only, so replace the tab with spaces")
    }

    func unclosedQuote(_ line: SourceLine, column: Int) -> YAMLMistake {
        let quote = line.text.dropFirst(max(0, column - 1)).first == "'" ? "'" : "\""
        let what = line.key.map { "the value of '\($0)'" } ?? "the value"
        return YAMLMistake(
            line: line.number,
            message: "the quote (\(quote)) that opens \(what) is never closed; end the value with \(quote)")
    }

    func unknownEscape(_ line: SourceLine) -> YAMLMistake {
        let what = line.key.map { "the value of '\($0)'" } ?? "the value"
        return YAMLMistake(
            line: line.number,
            message:
                "\(what) has a backslash (\\) inside double quotes, where it starts an escape such as \\n; put the value in single quotes, or write \\\\ for a backslash"
        )
    }

    func unclosedBracket(_ line: SourceLine, column: Int) -> YAMLMistake {
        let offset = max(0, column - 1)
        let isMapping = line.text.dropFirst(offset).first == "{"
        let (kind, open, close, parts) = isMapping ? ("mapping", "{", "}", "pairs") : ("list", "[", "]", "items")
        var before = line.text.prefix(offset)
        while before.last == " " { before = before.dropLast() }
        let what = line.key.flatMap {
            before.count == line.contentColumn + $0.count + 1 ? " (the value of '\($0)')" : nil
        }
        return YAMLMistake(
            line: line.number,
            message:
                "the \(kind) that opens with '\(open)'\(what ?? "") is not closed; end it with '\(close)', with a comma between \(parts)"
        )
    }

    func missingColon(_ line: SourceLine) -> YAMLMistake {
        if let written = line.keyWithoutSpace { return missingSpace(line, written) }
        let content = line.content
        let word = content.prefix { $0 != " " }
        let rest = content.dropFirst(word.count).drop { $0 == " " }
        let fix = rest.isEmpty ? "\(word):" : "\(word): \(rest)"
        return YAMLMistake(
            line: line.number,
            message: "'\(Self.excerpt(content))' has no colon after its key; write '\(Self.excerpt(fix[...]))'")
    }

    func missingSpace(_ line: SourceLine, _ written: Substring) -> YAMLMistake {
        var fix = String(written)
        if let colon = fix.firstIndex(of: ":") { fix.insert(" ", at: fix.index(after: colon)) }
        return YAMLMistake(
            line: line.number,
            message: "'\(Self.excerpt(written))' needs a space after the colon; write '\(Self.excerpt(fix[...]))'")
    }

    /// A line's text short enough for a sentence: at most 40 characters, cut with `…`.
    static func excerpt(_ text: Substring) -> String {
        Echo.cut(String(text))
    }

    /// `mapping values are not allowed`: `key:value` or `key {…}` read as text (on the line or the one above), a
    /// value holding `: `, or a line indented more than the key above it.
    func unexpectedValue(_ line: SourceLine, column: Int) -> YAMLMistake? {
        if let written = line.keyWithoutSpace { return missingSpace(line, written) }
        if line.lacksColonBeforeFlow { return missingColon(line) }
        let previous = contentLine(above: line)
        if let previous, let written = previous.keyWithoutSpace { return missingSpace(previous, written) }
        if let previous, previous.lacksColonBeforeFlow { return missingColon(previous) }
        if let key = line.key, column - 1 > line.contentColumn + key.count {
            let value = line.content.dropFirst(key.count + 1).drop { $0 == " " }
            return YAMLMistake(
                line: line.number,
                message:
                    "the value of '\(key)' contains ': ', which YAML reads as another key; put the value in quotes: \(key): \"\(value)\""
            )
        }
        guard let previous, !previous.opensBlock, line.indent > previous.contentColumn, let above = above(line) else {
            return nil
        }
        return YAMLMistake(
            line: line.number, message: "the line is indented more than \(above); indent it like its neighbours")
    }

    /// `did not find expected '-' indicator`: a line inside a list that is not one of its items.
    func notAnItem(_ line: SourceLine, list opened: SourceLine) -> YAMLMistake? {
        if let previous = contentLine(above: line), let valueless = notUnder(line, previous) { return valueless }
        let dash = opened.indent
        guard opened.number < line.number else { return nil }
        let items = lines[(opened.number - 1)..<(line.number - 1)].filter { $0.isListItem && $0.indent == dash }
        guard !line.isListItem, let item = items.last, let itemKey = item.key else { return nil }
        if line.indent > dash && line.indent < item.contentColumn {
            let reference = item.number == line.number - 1 ? "the key above it" : "the first key of its list item"
            return YAMLMistake(
                line: line.number,
                message:
                    "the line is indented less than \(reference) ('\(itemKey)' on line \(item.number)); indent it like its neighbours"
            )
        }
        guard line.indent == dash else { return nil }
        var message =
            "\(line.quotedKey) is indented like the list items above it ('- \(itemKey)' on line \(item.number)) but does not start with '- '; indent it like '\(itemKey)' to add it to the item"
        if let parent = contentLine(above: opened), parent.opensBlock, let key = parent.key {
            message += ", or like '\(key)' (line \(parent.number)) to end the list"
        }
        return YAMLMistake(line: line.number, message: message)
    }

    /// `did not find expected key`: `key:value` read as text, a key without its colon above, a list item among a
    /// mapping's keys, or a line indented between two levels.
    func notAKey(_ line: SourceLine) -> YAMLMistake? {
        if let written = line.keyWithoutSpace { return missingSpace(line, written) }
        guard let previous = contentLine(above: line), let above = above(line) else { return nil }
        if let valueless = notUnder(line, previous) { return valueless }
        if line.isListItem {
            let expected = previous.key.map { "a key like '\($0)' (line \(previous.number))" } ?? "a key"
            return YAMLMistake(
                line: line.number,
                message:
                    "the line starts a list item ('- ') where \(expected) was expected; put the list under a key of its own, or indent it like the list it belongs to"
            )
        }
        if previous.isPlainTextWithoutKey && line.indent == previous.indent { return missingColon(previous) }
        guard line.indent != previous.contentColumn else { return nil }
        let direction = line.indent < previous.contentColumn ? "less" : "more"
        return YAMLMistake(
            line: line.number, message: "the line is indented \(direction) than \(above); indent it like its neighbours"
        )
    }

    /// A line indented less than the key above it (`weights:`) that waits for a value below it, and more than the
    /// level that key belongs to: it is neither the key's value nor a key beside it.
    func notUnder(_ line: SourceLine, _ previous: SourceLine) -> YAMLMistake? {
        guard previous.opensBlock, let key = previous.key, line.indent < previous.contentColumn else { return nil }
        let level =
            previous.isListItem
            ? previous.indent
            : lines[..<(previous.number - 1)].last { $0.isContent && $0.contentColumn < previous.contentColumn }?
                .contentColumn ?? -1
        guard line.indent > level else { return nil }
        return YAMLMistake(
            line: line.number,
            message:
                "the line is indented less than the key above it ('\(key)' on line \(previous.number)), which has no value; indent it more than '\(key)' to give its value, or like '\(key)'"
        )
    }
}
