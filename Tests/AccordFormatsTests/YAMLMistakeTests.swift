import AccordFormats
import Testing

/// A YAML snippet with one common mistake, and the one sentence that must describe it.
struct BadYAML: Sendable, CustomTestStringConvertible {
    var label: String
    var text: String
    var sentence: String

    var testDescription: String { label }

    init(_ label: String, _ text: String, _ sentence: String) {
        self.label = label
        self.text = text
        self.sentence = sentence
    }
}

/// Each row is a mistake a new user made, with the line it is on: libyaml's own words were "mapping values are
/// not allowed in this context", "did not find expected '-' indicator" and, for a missing colon, a line late.
let badYAML: [BadYAML] = [
    BadYAML(
        "a line indented deeper than its neighbours",
        "accord: 1\nname: x\nissues:\n  - id: a\n     options: [p, q]\n",
        "s.yaml:5: the line is indented more than the key above it ('id' on line 4); indent it like its neighbours."),
    BadYAML(
        "a top-level key indented",
        "accord: 1\n  name: x\nissues: []\n",
        "s.yaml:2: the line is indented more than the key above it ('accord' on line 1); indent it like its neighbours."
    ),
    BadYAML(
        "a line indented shallower than the item's keys",
        "accord: 1\nname: x\nissues:\n  - id: a\n   options: [p, q]\n",
        "s.yaml:5: the line is indented less than the key above it ('id' on line 4); indent it like its neighbours."),
    BadYAML(
        "a nested key indented shallower than its neighbour",
        "accord: 1\nparties:\n  - id: u\n    weights:\n      a: 1\n     b: 2\n",
        "s.yaml:6: the line is indented less than the key above it ('a' on line 5); indent it like its neighbours."),
    BadYAML(
        "a value not indented under its key",
        "accord: 1\nparties:\n  - id: u\n    weights:\n   a: 1\n",
        "s.yaml:5: the line is indented less than the key above it ('weights' on line 4), which has no value; indent it more than 'weights' to give its value, or like 'weights'."
    ),
    BadYAML(
        "a tab in the indentation",
        "accord: 1\nname: x\nissues:\n  - id: a\n\toptions: [p, q]\n",
        "s.yaml:5: the line is indented with a tab; YAML indents with spaces only, so replace the tab with spaces."),
    BadYAML(
        "a tab after spaces",
        "accord: 1\nparties:\n  - id: u\n    weights:\n    \ta: 1\n",
        "s.yaml:5: the line is indented with a tab; YAML indents with spaces only, so replace the tab with spaces."),
    BadYAML(
        "a missing colon (libyaml points at the next line)",
        "accord: 1\nname: x\nissues:\n  - id: a\n    options [p, q]\nparties: []\n",
        "s.yaml:5: 'options [p, q]' has no colon after its key; write 'options: [p, q]'."),
    BadYAML(
        "a missing colon before a block",
        "accord: 1\nname: x\nparties:\n  - id: u\n    weights\n      a: 1\n",
        "s.yaml:5: 'weights' has no colon after its key; write 'weights:'."),
    BadYAML(
        "a missing space after the colon",
        "accord: 1\nname:x\nissues: []\n",
        "s.yaml:2: 'name:x' needs a space after the colon; write 'name: x'."),
    BadYAML(
        "a missing space after the colon, read on into the next line",
        "accord: 1\nname: x\nparties:\n  - id: u\n    weights:\n      a:1\n      b: 2\n",
        "s.yaml:6: 'a:1' needs a space after the colon; write 'a: 1'."),
    BadYAML(
        "a missing space before a flow mapping, with a long line cut short",
        "accord: 1\nparties:\n  - id: u\n    values:\n      guarantee:{none: 1.0, article5_like: 0.4, nato: 0.2}\n",
        "s.yaml:5: 'guarantee:{none: 1.0, article5_like: 0.4…' needs a space after the colon; write 'guarantee: {none: 1.0, article5_like: 0.…'."
    ),
    BadYAML(
        "a missing colon before a flow mapping",
        "accord: 1\nparties:\n  - id: u\n    values:\n      guarantee {none: 1, nato: {x: 1}}\n",
        "s.yaml:5: 'guarantee {none: 1, nato: {x: 1}}' has no colon after its key; write 'guarantee: {none: 1, nato: {x: 1}}'."
    ),
    BadYAML(
        "a missing colon seen only after the comments below it",
        "accord: 1\nprotocol:\n  mechanism mediated\n  # who drafts\n  mediator: us\n",
        "s.yaml:3: 'mechanism mediated' has no colon after its key; write 'mechanism: mediated'."),
    BadYAML(
        "a value holding ': '",
        "accord: 1\nname: Talks: round two\n",
        "s.yaml:2: the value of 'name' contains ': ', which YAML reads as another key; put the value in quotes: name: \"Talks: round two\"."
    ),
    BadYAML(
        "an unclosed double quote",
        "accord: 1\nname: \"x\nissues: []\nparties: []\n",
        "s.yaml:2: the quote (\") that opens the value of 'name' is never closed; end the value with \"."),
    BadYAML(
        "an unclosed single quote",
        "accord: 1\nname: 'x\nissues: []\n",
        "s.yaml:2: the quote (') that opens the value of 'name' is never closed; end the value with '."),
    BadYAML(
        "a backslash in double quotes",
        "accord: 1\nname: \"C:\\qx\"\n",
        "s.yaml:2: the value of 'name' has a backslash (\\) inside double quotes, where it starts an escape such as \\n; put the value in single quotes, or write \\\\ for a backslash."
    ),
    BadYAML(
        "an unclosed bracket",
        "accord: 1\nname: x\nissues: [a, b\nparties: []\n",
        "s.yaml:3: the list that opens with '[' (the value of 'issues') is not closed; end it with ']', with a comma between items."
    ),
    BadYAML(
        "an unclosed brace in a list item",
        "accord: 1\nname: x\nparties:\n  - {id: u, weights: {a: 1}\n  - id: v\n",
        "s.yaml:4: the mapping that opens with '{' is not closed; end it with '}', with a comma between pairs."),
    BadYAML(
        "a list item under a mapping's keys",
        "accord: 1\nname: x\n- id: a\n",
        "s.yaml:3: the line starts a list item ('- ') where a key like 'name' (line 2) was expected; put the list under a key of its own, or indent it like the list it belongs to."
    ),
    BadYAML(
        "a list item indented like the keys above it",
        "accord: 1\nname: x\nparties:\n  - id: u\n    weights: {a: 1}\n    - id: v\n",
        "s.yaml:6: the line starts a list item ('- ') where a key like 'weights' (line 5) was expected; put the list under a key of its own, or indent it like the list it belongs to."
    ),
    BadYAML(
        "a key indented like the list items",
        "accord: 1\nname: x\nissues:\n  - id: a\n    options: [p]\n  parties:\n- id: u\n",
        "s.yaml:6: 'parties' is indented like the list items above it ('- id' on line 4) but does not start with '- '; indent it like 'id' to add it to the item, or like 'issues' (line 3) to end the list."
    ),
]

@Suite struct YAMLMistakeTests {
    @Test(arguments: badYAML)
    func commonMistakeIsOneSentenceAtItsLine(_ bad: BadYAML) throws {
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.parse(bad.text, file: "s.yaml") }
        #expect(error.description == bad.sentence)
        guard case .mistake = error else {
            Issue.record("expected a mistake, got \(error)")
            return
        }
    }

    @Test func blankLinesAndCommentsDoNotHideTheKeyAbove() throws {
        let text = "accord: 1\nissues:\n  - id: a\n    # the options\n\n      options: [p]\n"
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.parse(text, file: "s.yaml") }
        #expect(
            error.description
                == "s.yaml:6: the line is indented more than the key above it ('id' on line 3); indent it like its neighbours."
        )
    }

    @Test func windowsLineBreaksGiveTheSameSentence() throws {
        let text = "accord: 1\r\nname: x\r\nissues:\r\n  - id: a\r\n     options: [p, q]\r\n"
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.parse(text, file: "s.yaml") }
        #expect(
            error.description
                == "s.yaml:5: the line is indented more than the key above it ('id' on line 4); indent it like its neighbours."
        )
    }

    @Test func aTournamentSpecificationIsExplainedTheSameWay() throws {
        let text = "accord_tournament: 1\nagents: [boulware\ndeadline: {rounds: 5}\n"
        let error = try #require(throws: ScenarioError.self) { try TournamentLoader.parse(text, file: "t.yaml") }
        #expect(
            error.description
                == "t.yaml:2: the list that opens with '[' (the value of 'agents') is not closed; end it with ']', with a comma between items."
        )
    }

    @Test func anUnusualErrorKeepsLibyamlsWordsWithLineAndColumn() throws {
        let error = try #require(throws: ScenarioError.self) {
            try ScenarioLoader.parse("{\"accord\": 1, \"name\": \"x\",\n \"issues\": [}\n", file: "s.json")
        }
        #expect(
            error.description
                == "s.json:2:13: not valid YAML/JSON: while parsing a flow node (line 2): did not find expected node content."
        )
    }
}
