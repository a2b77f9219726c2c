import AccordFormats
import Testing

/// A valid three-actor KTAB file whose first line and first actor row can be replaced.
private func ktab(
    first: String = "Harbour, x, 3, 1", city: String = "City,,40,80,30"
) -> String {
    "\(first)\nActor,Description,Power,Control,Sal1\n\(city)\nPort,,60,30,45\nUnion,,25,50,60\n"
}

/// The KTAB reader's counts and numbers outside their documented domain (issue #15): one sentence naming the line
/// and the allowed range, never a trap.
@Suite struct KTABNumberDomainTests {
    @Test(arguments: [
        (
            ktab(first: "Harbour, x, 9223372036854775807, 1"), 1,
            "declares 9223372036854775807 actors; expected at most 10000"
        ),
        (
            ktab(first: "Harbour, x, 3, 9223372036854775807"), 1,
            "declares 9223372036854775807 dimensions; expected 1 to 1000"
        ),
        (ktab(first: "Harbour, x, 3, -9223372036854775808"), 1, "dimensions; expected 1 to 1000"),
        (ktab(first: "Harbour, x, 9223372036854775808, 1"), 1, "'9223372036854775808', is not a whole number"),
        (ktab(city: "City,,1e308,80,30"), 3, "capability of City is 1e+308; expected a positive number up to 10^15"),
        (ktab(city: "City,,-1e308,80,30"), 3, "expected a positive number up to 10^15"),
        (ktab(city: "City,,nan,80,30"), 3, "the capability of City, 'nan', is not a number"),
        (ktab(city: "City,,40,1e308,30"), 3, "position of City on Control is 1e+308; expected 0–100"),
        (ktab(city: "City,,40,80,-1e308"), 3, "salience of City on Control is -1e+308; expected 0–100"),
    ])
    func outOfDomainNumberNamesTheLineAndRange(text: String, line: Int, message: String) {
        #expect {
            _ = try KTABCSVReader.parse(text, file: "deal.csv")
        } throws: { error in
            guard let error = error as? KTABCSVError else { return false }
            return error.line == line && error.message.contains(message) && !error.message.contains("\n")
        }
    }

    @Test func aLongActorNameIsEchoedCut() throws {
        let name = String(repeating: "n", count: KTABCSVReader.maximumNameLength)
        do {
            _ = try KTABCSVReader.parse(ktab(city: "\(name),,40,80,130"), file: "deal.csv")
            Issue.record("a salience of 130 was accepted")
        } catch {
            #expect(error.message.contains("the salience of nnnn"))
            #expect(error.message.contains("… on Control is 130.0; expected 0–100"))
            #expect(error.message.count < 120, "\(error.message)")
        }
    }

    @Test func aLongCountIsEchoedCut() throws {
        let long = String(repeating: "7", count: 20_000)
        do {
            _ = try KTABCSVReader.parse(ktab(first: "Harbour, x, \(long), 1"), file: "deal.csv")
            Issue.record("a 20,000-digit actor count was accepted")
        } catch {
            #expect(error.message.contains("'7777"))
            #expect(error.message.contains("…'"))
            #expect(error.message.count < 120, "\(error.message)")
        }
    }

    /// A 10 MB actor name (16 s before #15) is refused at once, in time linear in the line's length.
    @Test func aTenMegabyteActorNameIsRefusedQuickly() throws {
        let name = String(repeating: "n", count: 10_000_000)
        let start = ContinuousClock.now
        do {
            _ = try KTABCSVReader.parse(ktab(city: "\"\(name)\",,40,80,30"), file: "deal.csv")
            Issue.record("a 10 MB actor name was accepted")
        } catch {
            #expect(error.line == 3)
            #expect(
                error.message
                    == "the actor's name '\(String(repeating: "n", count: 40))…' is 10,000,000 characters long; "
                    + "a name has at most 256")
        }
        #expect(ContinuousClock.now - start < .seconds(15))
    }

    @Test func aLongDimensionNameIsRefused() throws {
        let name = String(repeating: "d", count: 257)
        let text =
            "Harbour, x, 3, 1\nActor,Description,Power,\(name),Sal1\nCity,,40,80,30\nPort,,60,30,45\nU,,25,50,60\n"
        #expect(throws: KTABCSVError.self) { try KTABCSVReader.parse(text, file: "deal.csv") }
    }

    /// Quoted fields: a doubled quote stands for one, a quoted comma is kept, blanks around a field are trimmed.
    @Test func quotedFieldsAreReadByteForByte() {
        #expect(KTABCSVReader.fields(of: #" "a, ""b""" , c ,, "#) == ["a, \"b\"", "c"])
        #expect(KTABCSVReader.fields(of: "Zürich,  \"Genève\",x") == ["Zürich", "Genève", "x"])
        #expect(KTABCSVReader.fields(of: "") == [])
    }
}
