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
}
