import AccordForecast
import AccordFormats
import Testing

/// A small three-actor scenario in KTAB's layout, with KTAB's quirks: spaces around fields, a quoted description,
/// trailing commas.
let threeActorsCSV = """
    Harbour Deal ,"Who controls the port, and how fast", 3, 2,
    Actor,Description,Power,Control,Sal1,Speed,Sal2,
    City, City council,  40.0, 80, 30.0, 20, 50.0,
    "Port", Port authority, 60, 30, 45, 70, 45,
    Union,,25,50,60,50,10,

    """

@Suite struct KTABCSVReaderTests {
    @Test func readsKTABsLayout() throws {
        let scenario = try KTABCSVReader.parse(threeActorsCSV)
        #expect(scenario.name == "Harbour Deal")
        #expect(scenario.description == "Who controls the port, and how fast")
        #expect(scenario.dimensions == ["Control", "Speed"])
        #expect(scenario.actors.map(\.name) == ["City", "Port", "Union"])
        #expect(scenario.actors[0].description == "City council")
        #expect(scenario.actors[2].description == "")
        #expect(scenario.actors[0].capability == 40)
        #expect(scenario.actors[1].positions == [30, 70])
        #expect(scenario.actors[1].saliences == [45, 45])
    }

    @Test func acceptsWindowsLineEndings() throws {
        let scenario = try KTABCSVReader.parse(threeActorsCSV.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(scenario.actors.count == 3)
    }

    /// Replaces line `line` (1-based) of the fixture.
    private static func fixture(replacingLine line: Int, with text: String) -> String {
        var lines = threeActorsCSV.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[line - 1] = text
        return lines.joined(separator: "\n")
    }

    @Test(arguments: [
        (fixture(replacingLine: 1, with: "Harbour, x, 4, 2,"), 5, "declares 4 actors but has 3 actor rows"),
        (threeActorsCSV + "Extra,,10,50,10,50,10\n", 6, "declares 3 actors but has 4 actor rows"),
        (fixture(replacingLine: 3, with: "City,,40,80,60,20,50"), 3, "saliences of City sum to 110.0"),
        (fixture(replacingLine: 4, with: "Port,,60,130,45,70,45"), 4, "position of Port on Control is 130.0"),
        (fixture(replacingLine: 4, with: "Port,,60,-1,45,70,45"), 4, "position of Port on Control is -1.0"),
        (fixture(replacingLine: 1, with: "Harbour, x, 2, 2"), 1, "needs at least 3 actors"),
        (fixture(replacingLine: 5, with: "Union,,25,fifty,60,50,10"), 5, "'fifty', is not a number"),
        (fixture(replacingLine: 3, with: "City,,lots,80,30,20,50"), 3, "the capability of City, 'lots'"),
        (fixture(replacingLine: 1, with: "Harbour, x, three, 2"), 1, "'three', is not a whole number"),
        (fixture(replacingLine: 5, with: "Union,,25,50,60,50"), 5, "expected 7 fields"),
        (fixture(replacingLine: 2, with: "Actor,Description,Power,Control,Sal1"), 2, "the header has 5 fields"),
        (fixture(replacingLine: 3, with: "City,,0,80,30,20,50"), 3, "capability of City is 0.0"),
        (fixture(replacingLine: 3, with: "City,,40,80,0,20,0"), 3, "saliences of City are all zero"),
    ])
    func badInputNamesTheLine(text: String, line: Int, message: String) {
        #expect {
            _ = try KTABCSVReader.parse(text, file: "deal.csv")
        } throws: { error in
            guard let error = error as? KTABCSVError else { return false }
            return error.line == line && error.description.hasPrefix("deal.csv:\(line): ")
                && error.description.contains(message) && error.description.hasSuffix(".")
        }
    }

    @Test func emptyInputIsAnError() {
        #expect(throws: KTABCSVError.self) { try KTABCSVReader.parse("\n\n") }
    }

    @Test func missingFileIsAnError() {
        #expect(throws: KTABCSVError.self) { try KTABCSVReader.read(path: "/nonexistent/deal.csv") }
    }
}
