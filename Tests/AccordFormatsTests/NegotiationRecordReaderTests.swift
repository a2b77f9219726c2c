import AccordFormats
import AccordNegotiation
import Foundation
import Testing

/// Reading a tournament's JSON Lines (`progress.jsonl`, `negotiations.jsonl`) back: what the writer writes reads
/// back as the same records, `{"started": id}` lines are counted, and a last line cut short by a kill is ignored and
/// reported, while a bad line before it is an error naming its line.
@Suite struct NegotiationRecordReaderTests {
    static let records: [NegotiationRecord] = [
        NegotiationRecord(
            id: 0, scenario: "market \"A\"", agents: ["alpha", "beta"], parties: ["buyer", "seller"], repetition: 0,
            seed: 18_446_744_073_709_551_615, ending: "agreement", agreement: ["low, \"cheap\"", "Київ\n"],
            round: 12, t: 0.1 + 0.2, utilities: [0.8, 1.0 / 3], discountedUtilities: [0.8, .leastNonzeroMagnitude],
            welfare: 1.1, paretoDistance: 0, nashDistance: 1.0 / 3),
        NegotiationRecord(
            id: 1, scenario: "lease", agents: ["beta", "alpha"], parties: ["tenant", "landlord"], repetition: 1,
            seed: 7, ending: "failed", endedBy: "tenant", reason: "the agent crashed; see\nthe log", round: 3,
            t: 0.03, utilities: [0, 0], discountedUtilities: [0, 0], welfare: 0),
    ]

    /// A file holding the text, in a fresh temporary folder.
    private func file(_ text: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accord-jsonl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("progress.jsonl").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func writtenRecordsReadBackExactly() throws {
        let path = try file(NegotiationRecordWriter.jsonLines(Self.records))
        let progress = try NegotiationRecordReader.read(path: path)
        #expect(progress.records == [0: Self.records[0], 1: Self.records[1]])
        #expect(progress.starts.isEmpty)
        #expect(!progress.truncatedLastLine)
    }

    @Test func startedLinesAreCountedAndALaterRecordReplacesAnEarlierOne() throws {
        var rerun = Self.records[1]
        rerun.round = 4
        let text =
            "{\"started\":0}\n{\"started\":1}\n" + NegotiationRecordWriter.jsonLine(Self.records[1])
            + "{\"started\": 1}\n" + NegotiationRecordWriter.jsonLine(rerun) + "\n"
        let progress = try NegotiationRecordReader.read(path: try file(text))
        #expect(progress.starts == [0: 1, 1: 2])
        #expect(progress.records == [1: rerun])
        #expect(!progress.truncatedLastLine)
    }

    /// A run killed while writing leaves a last line without its end: the records before it are kept.
    @Test(arguments: [
        #"{"id":1,"scenario":"lea"#, #"{"started":"#, "{", #"{"id":1}"#, "[1, 2]",
    ])
    func aLastLineCutShortIsIgnoredAndReported(lastLine: String) throws {
        let text = NegotiationRecordWriter.jsonLine(Self.records[0]) + "{\"started\":1}\n" + lastLine
        let progress = try NegotiationRecordReader.read(path: try file(text))
        #expect(progress.truncatedLastLine)
        #expect(progress.records == [0: Self.records[0]])
        #expect(progress.starts == [1: 1])
    }

    /// Each bad line before the last, with the error's line, column and message.
    @Test(arguments: [
        (#"{"id":1,"scenario":"lea"#, 2, 24 as Int?, "a string is never closed"),
        (#"{"id": 1,, }"#, 2, 10, "expected a key in double quotes, found ','"),
        ("[1, 2]", 2, nil, "not a JSON object"),
        (#"{"id": 1, "scenario": "x"}"#, 2, nil, "not a negotiation record of accord tournament"),
    ])
    func aBadLineBeforeTheLastIsAnError(badLine: String, line: Int, column: Int?, message: String) throws {
        let text =
            NegotiationRecordWriter.jsonLine(Self.records[0]) + badLine + "\n"
            + NegotiationRecordWriter.jsonLine(Self.records[1])
        let path = try file(text)
        let error = #expect(throws: ScenarioError.self) { try NegotiationRecordReader.read(path: path) }
        guard case .syntax(let file, let errorLine, let errorColumn, let errorMessage)? = error else {
            Issue.record("expected a syntax error, got \(String(describing: error))")
            return
        }
        #expect(file == path)
        #expect(errorLine == line)
        #expect(errorColumn == column)
        #expect(errorMessage == message)
    }

    @Test func aMissingFileHoldsNothing() throws {
        let progress = try NegotiationRecordReader.read(path: "/nonexistent/accord/progress.jsonl")
        #expect(progress.records.isEmpty && progress.starts.isEmpty && !progress.truncatedLastLine)
    }
}
