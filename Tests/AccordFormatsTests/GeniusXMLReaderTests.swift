import Testing

@testable import AccordFormats

/// The tolerant reader: every defect of the published GENIUS files loads, values stay as GENIUS reads them, and
/// what cannot be read is refused with the line.
@Suite struct GeniusXMLReaderTests {
    private func parse(_ text: String) throws(GeniusImportError) -> GeniusXMLElement {
        try GeniusXMLReader.parse(Array(text.utf8), file: "test.xml")
    }

    private func parse(bytes: [UInt8]) throws(GeniusImportError) -> GeniusXMLElement {
        try GeniusXMLReader.parse(bytes, file: "test.xml")
    }

    private func malformedLine(_ text: String) -> (line: Int, message: String)? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            guard case .malformedXML(_, let line, let message) = error else { return nil }
            return (line, message)
        }
    }

    @Test func aBareAmpersandAndEntitiesStayAsWritten() throws {
        // ANAC 2015 group7-movie: value="the good, the bad & the ugly". GENIUS decodes no entity either.
        let root = try parse(#"<item value="the good, the bad & the ugly" other="a &amp; b &#38; c"/>"#)
        #expect(root[attribute: "value"] == "the good, the bad & the ugly")
        #expect(root[attribute: "other"] == "a &amp; b &#38; c")
    }

    @Test func aWindows1252ByteIsReadAsWindows1252() throws {
        // ANAC 2015 group2-new_sporthal: value="\u{80}10,000" is "€10,000" in Windows-1252.
        var bytes = Array(#"<item value=""#.utf8)
        bytes += [0x80] + Array("10,000".utf8) + [0x22, 0x20]
        bytes +=
            Array(#"a="caf"#.utf8) + [0xE9, 0x22, 0x20] + Array(#"b=""#.utf8) + [0x81, 0x9D, 0x22] + Array("/>".utf8)
        let root = try parse(bytes: bytes)
        #expect(root[attribute: "value"] == "€10,000")
        #expect(root[attribute: "a"] == "café")
        // The bytes Windows-1252 leaves undefined keep their number, so nothing is lost.
        #expect(root[attribute: "b"] == "\u{81}\u{9D}")
    }

    @Test func aValidUTF8FileIsReadAsUTF8() throws {
        // partydomain: description="Soda’s, ice water, etc." written in UTF-8.
        let root = try parse(#"<item description="Soda’s, ice water, etc." value="€"/>"#)
        #expect(root[attribute: "description"] == "Soda’s, ice water, etc.")
        #expect(root[attribute: "value"] == "€")
    }

    @Test func aFileMixingUTF8AndAStrayByteIsReadAsWindows1252Throughout() throws {
        // One invalid byte makes the file Windows-1252, as GENIUS on Windows reads it: "é" in UTF-8 is two bytes.
        let bytes = Array(#"<item a="é" b=""#.utf8) + [0x80] + Array(#""/>"#.utf8)
        let root = try parse(bytes: bytes)
        #expect(root[attribute: "a"] == "Ã©")
        #expect(root[attribute: "b"] == "€")
    }

    @Test func attributesNeedNoSpaceBetweenThem() throws {
        // ANAC 2011 Car/adg_deal.xml: type="discrete"vtype="discrete".
        let root = try parse(
            #"<issue index="3" name="Airconditioning" type="discrete"vtype="discrete" etype="discrete"/>"#)
        #expect(root[attribute: "type"] == "discrete")
        #expect(root[attribute: "vtype"] == "discrete")
        #expect(root[attribute: "etype"] == "discrete")
    }

    @Test func aCommentMayComeBeforeTheDeclaration() throws {
        // Every ANAC 2014 profile starts with "<!-- profile 1 -->" and then the XML declaration.
        let root = try parse(
            """

            <!-- profile 1 -->
            <?xml version="1.0" encoding="utf-8" ?>
            <!DOCTYPE utility_space>
            <utility_space type="nonlinear"><!-- inside --><objective index="0"/></utility_space>
            """)
        #expect(root.name == "utility_space")
        #expect(root.line == 5)
        #expect(root.children.map(\.name) == ["objective"])
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        let root = try parse(bytes: [0xEF, 0xBB, 0xBF] + Array(#"<utility_space/>"#.utf8))
        #expect(root.name == "utility_space")
    }

    @Test func quotingIsLenient() throws {
        let root = try parse(
            """
            <item a='single "quoted"' b=unquoted c d = "spaced" e="two
            lines" f="x > y"
            g="first" g="last"/>
            """)
        #expect(root[attribute: "a"] == #"single "quoted""#)
        #expect(root[attribute: "b"] == "unquoted")
        #expect(root[attribute: "c"] == "")
        #expect(root[attribute: "d"] == "spaced")
        #expect(root[attribute: "e"] == "two\nlines")
        #expect(root[attribute: "f"] == "x > y")
        #expect(root[attribute: "g"] == "last")
        #expect(root.attributes.map(\.name) == ["a", "b", "c", "d", "e", "f", "g", "g"])
    }

    @Test func elementsNestWithTheirLines() throws {
        let root = try parse(
            """
            <utility_space>
              <objective index="0">
                <issue index="1"><item value="a">text & more</item><item value="b"/>
                </issue>
                <weight index="1" value="1"></weight>
              </objective>
              <![CDATA[ <ignored/> ]]>
            </utility_space>
            trailing text is ignored < & >
            """)
        let objective = try #require(root.firstChild(named: "objective"))
        let issue = try #require(objective.firstChild(named: "issue"))
        #expect(issue.line == 3)
        #expect(issue.children(named: "item").map { $0[attribute: "value"] } == ["a", "b"])
        #expect(objective.children.map(\.name) == ["issue", "weight"])
        #expect(objective.children(named: "weight").first?.line == 5)
    }

    @Test func plainTextIsRefusedWithItsLine() {
        // The organisers' anac/y2014/*/pareto.xml files are "u1, u2" lines, not XML.
        let refusal = malformedLine("\n0.67824775, 1.0\n0.6797583, 0.9322034\n")
        #expect(refusal?.line == 2)
        #expect(refusal?.message.contains("0.67824775, 1.0") == true)
    }

    @Test(arguments: [
        ("", 1, "no XML element"),
        ("<!-- only a comment -->", 1, "no XML element"),
        ("<utility_space>\n<objective>\n", 3, "the file ends before <objective>"),
        ("<a>\n<b>\n</a>", 3, "</a> does not close <b>, opened on line 2"),
        ("<a value=\"never closed/>\n", 1, "the value of value in <a> is never closed"),
        ("<a>\n<!-- never closed </a>", 2, "a comment is never closed"),
        ("<a\n", 1, "the start tag <a is never closed"),
        ("<a =\"x\"/>", 1, "unexpected \"=\" in the start tag <a>"),
    ])
    func brokenXMLIsRefusedWithItsLine(text: String, line: Int, message: String) {
        let refusal = malformedLine(text)
        #expect(refusal?.line == line)
        #expect(refusal?.message.contains(message) == true, "\(refusal?.message ?? "no error")")
    }

    @Test func encodingDetectionIsPerFile() {
        #expect(GeniusXMLReader.Encoding.detect(Array("plain ascii".utf8)) == .utf8)
        #expect(GeniusXMLReader.Encoding.detect(Array("€ in UTF-8".utf8)) == .utf8)
        #expect(GeniusXMLReader.Encoding.detect([0x80, 0x41]) == .windows1252)
        #expect(GeniusXMLReader.Encoding.detect([0xC3]) == .windows1252)  // a truncated sequence
        let all = (0x80...0xFF).map { GeniusXMLReader.Encoding.windows1252Scalar(UInt8($0)) }
        #expect(Set(all).count == 128, "one-to-one")
        #expect(GeniusXMLReader.Encoding.windows1252Scalar(0x92) == "’")
        #expect(GeniusXMLReader.Encoding.windows1252Scalar(0xA0) == "\u{A0}")
    }
}
