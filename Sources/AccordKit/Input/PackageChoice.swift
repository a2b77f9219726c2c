import Foundation

/// A package named by its choices: issue ids with an option (or a numeric level) each, as the command line's
/// `--outcome issue=option,…` and the API's `{"package": {issue: option}}` give it. Issues left out stay open.
public struct PackageChoice: Sendable, Hashable {
    /// The choices in the order given.
    public var choices: [Choice]

    /// One issue's choice.
    public struct Choice: Sendable, Hashable {
        /// The issue's id.
        public var issue: String
        /// The option's id, or a numeric level's label.
        public var option: String

        /// Creates a choice.
        public init(issue: String, option: String) {
            self.issue = issue
            self.option = option
        }
    }

    /// Creates a package from its choices.
    public init(_ choices: [Choice]) {
        self.choices = choices
    }

    /// Reads `issue=option,issue=option`.
    public init(parsing text: String) throws(RequestError) {
        let pairs = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !pairs.isEmpty else {
            throw RequestError("--outcome is empty; give issue=option pairs such as guarantee=article5_like.")
        }
        var choices: [Choice] = []
        for pair in pairs {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw RequestError("--outcome: '\(pair)' is not of the form issue=option.") }
            choices.append(Choice(issue: parts[0], option: parts[1]))
        }
        self.init(choices)
    }

    /// The level chosen on each issue of `space` (`nil` for an open issue).
    public func levels(in space: OutcomeSpace) throws(RequestError) -> [Int?] {
        var levels = [Int?](repeating: nil, count: space.issues.count)
        for choice in choices {
            guard let issue = space.issueIndex(of: choice.issue) else {
                throw RequestError(
                    "--outcome: there is no issue '\(Echo.cut(choice.issue))'; issues are: "
                        + Echo.list(space.issues.map(\.id)) + ".")
            }
            guard levels[issue] == nil else { throw RequestError("--outcome: issue '\(choice.issue)' is given twice.") }
            guard let level = space.issues[issue].level(matching: choice.option) else {
                throw RequestError(
                    "--outcome: '\(choice.option)' is not a level of issue '\(choice.issue)'; "
                        + Self.levelsHint(space, issue) + ".")
            }
            levels[issue] = level
        }
        return levels
    }

    /// The levels an issue accepts, for an error.
    private static func levelsHint(_ space: OutcomeSpace, _ issue: Int) -> String {
        let subject = space.issues[issue]
        guard subject.isNumeric else { return "options are: " + Echo.list(subject.options.map(\.id)) }
        return "levels run from \(subject.label(ofLevel: 0)) to \(subject.label(ofLevel: space.radices[issue] - 1))"
    }

    /// The package as JSON, `{issue: option}` in order.
    public var json: JSONValue { .object(choices.map { ($0.issue, .string($0.option)) }) }
}
