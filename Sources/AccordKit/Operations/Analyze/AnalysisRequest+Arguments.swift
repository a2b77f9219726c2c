import Foundation

extension AnalysisRequest {
    /// The arguments of `accord analyze` that make this request, the command's name first: how a batch job
    /// (``SlurmAnalysisRequest``) runs it elsewhere. Scenario files are given by absolute path; options at their
    /// defaults are left out; ``parallelism`` is the running machine's, and ``candidates`` has no option.
    ///
    /// - Throws: ``RequestError`` for a scenario given as text, which no argument can name.
    public func analyzeArguments() throws(RequestError) -> [String] {
        var arguments = ["analyze"]
        switch source {
        case .bundled(let name): arguments.append(name)
        case .file(let path), .geniusFolder(let path): arguments.append(Self.absolute(path))
        case .geniusFiles(let domain, let profiles):
            arguments += ["--domain", Self.absolute(domain)] + profiles.flatMap { ["--profile", Self.absolute($0)] }
        case .text: throw RequestError("a scenario given as text cannot be named on a command line")
        }
        let defaults = AnalysisRequest()
        let options: [(String, String?)] = [
            ("--issues", issues?.joined(separator: ",")), ("--plot", plot.map { "\($0.x),\($0.y)" }),
            ("--max-outcomes", maxOutcomes == defaults.maxOutcomes ? nil : String(maxOutcomes)),
            ("--round", round.map(String.init)), ("--date", date),
            ("--diagnostics-limit", diagnosticsLimit == defaults.diagnosticsLimit ? nil : String(diagnosticsLimit)),
            ("--sensitivity-limit", sensitivityLimit == defaults.sensitivityLimit ? nil : String(sensitivityLimit)),
            ("--limit", limit.map(String.init)), ("--export-zone", exportZone), ("--export-frontier", exportFrontier),
            ("--samples", samples.map(String.init)), ("--seed", seed == defaults.seed ? nil : String(seed)),
        ]
        for case (let name, let value?) in options { arguments += [name, value] }
        if parity { arguments.append("--parity") }
        if tracksEveryPackage { arguments.append("--all-packages") }
        return arguments
    }

    private static func absolute(_ path: String) -> String {
        SlurmArray<AnalysisShards>.absolute(path)
    }
}
