import AccordCore
import Testing

@Suite struct EchoTests {
    @Test func aLongValueIsCutTo40CharactersWithAnEllipsis() {
        #expect(Echo.cut("short") == "short")
        #expect(Echo.cut(String(repeating: "x", count: 40)) == String(repeating: "x", count: 40))
        #expect(Echo.cut(String(repeating: "x", count: 10_000_000)) == String(repeating: "x", count: 40) + "…")
    }

    @Test func aLongListShowsSixIdsThenHowManyMore() {
        #expect(Echo.list([]) == "")
        #expect(Echo.list(["a", "b"]) == "a, b")
        #expect(Echo.list((1...6).map { "i\($0)" }) == "i1, i2, i3, i4, i5, i6")
        #expect(Echo.list((1...5_000).map { "i\($0)" }) == "i1, i2, i3, i4, i5, i6 and 4994 more")
        #expect(Echo.list([String(repeating: "y", count: 100)]) == String(repeating: "y", count: 40) + "…")
    }

    @Test func aMessageLeavesAccordWithShortWordsAndBoundedLines() {
        let path = "/tmp/" + String(repeating: "d", count: 100) + "/file.xml:14:"
        let message = path + " </" + String(repeating: "A", count: 10_000_000) + "> does not close <item>"
        #expect(Echo.bounded(message) == path + " </" + String(repeating: "A", count: 58) + "… does not close <item>")
        #expect(Echo.bounded("/" + String(repeating: "p", count: 600)).count == 513)
        let long = (1...500).map { "line \($0)" }.joined(separator: "\n")
        let lines = Echo.bounded(long).split(separator: "\n")
        #expect(lines.count == 121 && lines.last == "… and 380 more lines")
        #expect(Echo.bounded("one sentence.\n  - a problem") == "one sentence.\n  - a problem")
    }
}
