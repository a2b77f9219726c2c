import Foundation
import Testing

/// The examples of docs/*.md, run with the built `accord` and compared with what the docs show, so the docs cannot
/// drift from the tool.
///
/// The convention (also in docs/cli.md, "Examples in these docs"): a fenced block whose info string is `console` is
/// a checked example. Each of its `$ accord …` lines is one invocation of the tool — no pipes, redirections or other
/// shell syntax; double or single quotes group words, and ` # …` after the command is a comment — followed by its
/// exact output: standard output, then standard error, then `[exit N]` when the exit status N is not 0. A line
/// holding only `…` stands for any number of lines, so a long output can be shown in part. Every example of one file
/// runs in order in one scratch copy of docs/examples (the fixtures the examples name), so a later example can read
/// what an earlier one wrote. Before comparing, both sides are normalised: the scratch folder's path, and durations
/// and rates (`0.12 s`, `35 ms`, `1234/s`, `ETA 00:03`). Commands that are only illustrations go in ```` ```sh ````
/// blocks, which are not run.
///
/// `scripts/update-doc-examples.sh` sets `ACCORD_UPDATE_DOC_EXAMPLES=1` and runs this suite: each example whose
/// output differs is rewritten in place (an elided one keeps as many lines before and after its first and last `…`).
@Suite struct DocExamplesTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let docs = root.appendingPathComponent("docs")
    static let updating = ProcessInfo.processInfo.environment["ACCORD_UPDATE_DOC_EXAMPLES"] == "1"

    /// The Markdown files of docs/, by name.
    static let files: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted()
    }()

    @Test(arguments: files) func everyExampleShowsWhatTheToolPrints(_ name: String) throws {
        let url = Self.docs.appendingPathComponent(name)
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        let parsed = DocExample.parse(lines)
        for problem in parsed.problems { Issue.record("\(name):\(problem.line): \(problem.message)") }
        guard !parsed.examples.isEmpty else { return }
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try Self.copyFixtures(to: scratch.url)
        var replacements: [(example: DocExample, lines: [String])] = []
        for example in parsed.examples {
            let run = try Self.run(example.arguments, in: scratch.url)
            let actual = DocExample.lines(of: run)
            guard !example.matches(actual, scratch: scratch.url.path) else { continue }
            if Self.updating {
                replacements.append((example, example.rewritten(actual)))
            } else {
                Issue.record(
                    """
                    \(name):\(example.line): `\(example.command)` printed something else; run \
                    scripts/update-doc-examples.sh if the change is intended.
                    --- the docs show:
                    \(example.expected.joined(separator: "\n"))
                    --- the tool printed:
                    \(actual.joined(separator: "\n"))
                    """)
            }
        }
        guard Self.updating, !replacements.isEmpty else { return }
        for (example, output) in replacements.reversed() {
            lines.replaceSubrange(example.outputRange, with: output)
        }
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
    }

    @Test func theComparisonElidesAndNormalisesOnlyWhatItSays() {
        let block = ["```console", "$ accord x", "head", "…", "tail", "[exit 2]", "```"]
        let example = DocExample.parse(block).examples[0]
        #expect(example.matches(["head", "a", "b", "tail", "[exit 2]"], scratch: "/tmp/s"))
        #expect(example.matches(["head", "tail", "[exit 2]"], scratch: "/tmp/s"))
        #expect(!example.matches(["head", "tail"], scratch: "/tmp/s"))
        #expect(!example.matches(["head", "tail ", "[exit 2]"], scratch: "/tmp/s"))
        #expect(example.rewritten(["head", "x", "y", "tail", "[exit 1]"]) == ["head", "…", "tail", "[exit 1]"])

        let timed = DocExample.parse(["```console", "$ accord y 'a b' \"c\" # note", "took 0.12 s at 30/s", "```"])
        #expect(timed.examples[0].arguments == ["y", "a b", "c"])
        #expect(timed.examples[0].matches(["took 3.5 s at 1,234/s"], scratch: "/tmp/s"))
        #expect(!timed.examples[0].matches(["took 3.5 s at 1,234/s!"], scratch: "/tmp/s"))

        let bad = DocExample.parse(["```console", "$ accord analyze | head", "x", "$ ls", "```"])
        #expect(bad.examples.isEmpty && bad.problems.map(\.line) == [2, 4])
    }

    /// Copies docs/examples (the files the examples name) into `folder`.
    static func copyFixtures(to folder: URL) throws {
        let fixtures = docs.appendingPathComponent("examples")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? [] {
            try FileManager.default.copyItem(
                at: fixtures.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
    }

    /// Runs `accord` in `folder`; output goes through files, so a large one cannot block the tool.
    static func run(_ arguments: [String], in folder: URL) throws -> ToolRun {
        let executable = try #require(AccordTool.executable, "the accord executable was not found")
        let out = folder.appendingPathComponent(".stdout")
        let err = folder.appendingPathComponent(".stderr")
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        try Data().write(to: out)
        try Data().write(to: err)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        let deadline = ContinuousClock.now + .seconds(120)
        while process.isRunning && ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.01) }
        let timedOut = process.isRunning
        if timedOut { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return ToolRun(
            status: process.terminationStatus, exited: process.terminationReason == .exit, timedOut: timedOut,
            stdout: try String(contentsOf: out, encoding: .utf8), stderr: try String(contentsOf: err, encoding: .utf8))
    }
}

/// One `$ accord …` line of a ```` ```console ```` block and the output shown under it.
struct DocExample {
    /// The line of the command in its file, from 1.
    var line: Int
    /// The command as written, without `$ `.
    var command: String
    /// The arguments after `accord`.
    var arguments: [String]
    /// The output shown, one element per line; `…` elides lines.
    var expected: [String]
    /// The indices (from 0) of the output's lines in the file.
    var outputRange: Range<Int>

    static let elision = "…"

    /// The examples of a Markdown file given as lines, and what breaks the convention.
    static func parse(_ lines: [String]) -> (examples: [DocExample], problems: [(line: Int, message: String)]) {
        var examples: [DocExample] = []
        var problems: [(Int, String)] = []
        var inBlock = false
        var current: DocExample?
        func finish(at end: Int) {
            guard var example = current else { return }
            example.outputRange = example.outputRange.lowerBound..<end
            example.expected = Array(lines[example.outputRange])
            examples.append(example)
            current = nil
        }
        for (index, text) in lines.enumerated() {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if !inBlock {
                inBlock = trimmed == "```console"
                continue
            }
            if trimmed.hasPrefix("```") {
                finish(at: index)
                inBlock = false
            } else if text.hasPrefix("$ ") || (current == nil && index > 0 && lines[index - 1].hasSuffix("console")) {
                finish(at: index)
                switch arguments(of: text) {
                case .success(let arguments):
                    current = DocExample(
                        line: index + 1, command: String(text.dropFirst(2)), arguments: arguments, expected: [],
                        outputRange: (index + 1)..<(index + 1))
                case .failure(let reason):
                    problems.append((index + 1, reason.message))
                }
            }
        }
        return (examples, problems)
    }

    /// A parse failure, as a sentence.
    struct Reason: Error { var message: String }

    /// The arguments of a `$ accord …` line: words split on spaces, quotes grouping, ` # …` a comment.
    static func arguments(of text: String) -> Result<[String], Reason> {
        guard text.hasPrefix("$ accord") else {
            return .failure(Reason(message: "a console block holds `$ accord …` lines and their output only: \(text)"))
        }
        var words: [String] = []
        var word: String?
        var quote: Character?
        for character in text.dropFirst(2) {
            if let open = quote {
                if character == open { quote = nil } else { word = (word ?? "") + String(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                word = word ?? ""
            } else if character == " " {
                if let finished = word { words.append(finished) }
                word = nil
            } else if character == "#" && word == nil {
                break
            } else if "|<>;&$`*\\".contains(character) {
                return .failure(
                    Reason(message: "'\(character)' is shell syntax; an example is one accord invocation: \(text)"))
            } else {
                word = (word ?? "") + String(character)
            }
        }
        if let finished = word { words.append(finished) }
        guard quote == nil, words.first == "accord" else {
            return .failure(Reason(message: "an unclosed quote or a command other than accord: \(text)"))
        }
        return .success(Array(words.dropFirst()))
    }

    /// What a run shows: standard output, standard error, then `[exit N]` for a status N other than 0.
    static func lines(of run: ToolRun) -> [String] {
        var lines: [String] = []
        for text in [run.stdout, run.stderr] where !text.isEmpty {
            var split = text.components(separatedBy: "\n")
            if text.hasSuffix("\n") { split.removeLast() }
            lines += split
        }
        if run.timedOut { lines.append("[timed out]") }
        if !run.exited { lines.append("[ended by a signal]") }
        if run.status != 0 { lines.append("[exit \(run.status)]") }
        return lines
    }

    /// A line with the scratch folder's path, durations and rates replaced by placeholders.
    static func normalised(_ line: String, scratch: String) -> String {
        line.replacingOccurrences(of: scratch + "/", with: "")
            .replacingOccurrences(of: scratch, with: ".")
            .replacing(/ETA \d+(:\d+)+/, with: "ETA ?")
            .replacing(/\d[\d,]*(\.\d+)?\s?(µs|ms|s|\/s)\b/, with: "#s")
    }

    /// Whether the output shows as `expected`, line for line after normalisation, with `…` standing for any lines.
    func matches(_ actual: [String], scratch: String) -> Bool {
        let actual = actual.map { Self.normalised($0, scratch: scratch) }
        let segments = expected.map { Self.normalised($0, scratch: scratch) }
            .split(separator: Self.elision, omittingEmptySubsequences: false).map(Array.init)
        guard segments.count > 1 else { return actual == segments[0] }
        let (head, tail) = (segments[0], segments[segments.count - 1])
        guard actual.count >= head.count + tail.count, Array(actual.prefix(head.count)) == head,
            Array(actual.suffix(tail.count)) == tail
        else { return false }
        var position = head.count
        let end = actual.count - tail.count
        for segment in segments.dropFirst().dropLast() where !segment.isEmpty {
            guard
                let found = (position...max(position, end - segment.count)).first(where: {
                    $0 + segment.count <= end && Array(actual[$0..<($0 + segment.count)]) == segment
                })
            else { return false }
            position = found + segment.count
        }
        return true
    }

    /// The output to write in place of ``expected``: all of it, or for an elided example as many lines before the
    /// first `…` and after the last as before.
    func rewritten(_ actual: [String]) -> [String] {
        guard let first = expected.firstIndex(of: Self.elision), let last = expected.lastIndex(of: Self.elision)
        else { return actual }
        let (head, tail) = (first, expected.count - last - 1)
        guard actual.count > head + tail else { return actual }
        return Array(actual.prefix(head)) + [Self.elision] + Array(actual.suffix(tail))
    }
}
