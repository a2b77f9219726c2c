import AccordKit
import ArgumentParser
import Foundation

/// The `accord` command-line tool.
@main
struct Accord: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accord",
        abstract: "Analyse multi-party, multi-issue negotiations.",
        discussion: "With no scenario, commands use the bundled default, berlin-2025. Documentation: docs/cli.md.",
        version: "0.1.0",
        subcommands: [
            Analyze.self, Evaluate.self, Validate.self, Simulate.self, TournamentCommand.self, Merge.self,
            Forecast.self, Convert.self, Scenarios.self,
        ],
        defaultSubcommand: nil
    )

    /// Runs the tool with Accord's exit codes: 0 success, 1 a failed run, 2 bad usage or input.
    static func main() async {
        AgentSpecification.testAgentsEnabled = ProcessInfo.processInfo.environment["ACCORD_TEST_AGENTS"] == "1"
        do {
            try checkCommandName(Array(CommandLine.arguments.dropFirst()))
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch let error as any AccordError {
            fail(error.sentence, code: error.exitStatus.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            // One sentence, not the usage block: the help is one command away.
            let lines = self.message(for: error).split(separator: "\n").map(String.init)
            var message = lines.first ?? "\(error)"
            // ArgumentParser lists six or more allowed values as bullets below the first line: keep them on it.
            if message.hasSuffix(" the following:") {
                let values = lines.dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { $0.hasPrefix("- ") }.map { "'\($0.dropFirst(2))'" }
                message = message.dropLast(" the following:".count) + " " + values.joined(separator: ", ")
            }
            if !message.hasSuffix(".") && !message.hasSuffix("?") { message += "." }
            fail(message + " See 'accord help'.", code: code.rawValue == 1 ? 1 : 2)
        }
    }

    static func fail(_ message: String, code: Int32) -> Never {
        let text = message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message
        FileHandle.standardError.write(Data(("accord: " + text + "\n").utf8))
        Foundation.exit(code)
    }
}

/// Writes text to standard output in one piece.
func emit(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

extension ReportFormat: ExpressibleByArgument {}

/// The scenario argument shared by the commands: a file path, a bundled name, a GENIUS folder, GENIUS files given
/// with `--domain` and `--profile`, or nothing (the default).
struct ScenarioArgument: ParsableArguments {
    @Argument(
        help:
            "A scenario file (.yaml, .yml, .json), a folder with a GENIUS domain and its profiles, or the name of a bundled scenario (default: berlin-2025)."
    )
    var scenario: String?

    @Option(help: ArgumentHelp("A GENIUS domain file; give each party's profile with --profile.", valueName: "file"))
    var domain: String?

    @Option(
        help: ArgumentHelp(
            "A GENIUS profile file of the --domain, one party each; repeat for every party.", valueName: "file"))
    var profile: [String] = []

    /// Whether the input is GENIUS files given with `--domain` or `--profile`.
    var isGeniusFiles: Bool { domain != nil || !profile.isEmpty }

    /// Where the scenario comes from.
    func source() throws -> ScenarioSource {
        try ScenarioSource(argument: scenario, domain: domain, profiles: profile)
    }

    /// The path of an Accord scenario file to read: a file, or the bundled scenario of that name.
    func path() throws -> String {
        guard !isGeniusFiles else {
            throw RequestError(
                "this command reads Accord scenario files; --domain and --profile are for analyze and evaluate.")
        }
        return try Self.path(of: scenario)
    }

    /// The path to read for a scenario argument: a file, the bundled scenario of that name, or the default.
    static func path(of scenario: String?) throws -> String {
        guard let scenario else { return try ScenarioLoader.bundledPath(ScenarioLoader.defaultScenario) }
        if case .bundled(let name) = try ScenarioSource(argument: scenario) {
            return try ScenarioLoader.bundledPath(name)
        }
        return scenario
    }

    static func hasScenarioExtension(_ path: String) -> Bool { ScenarioSource.hasScenarioExtension(path) }

    static func isDirectory(_ path: String) -> Bool { ScenarioSource.isDirectory(path) }

    /// The scenario to analyse.
    func load() throws -> Scenario { try source().scenario() }
}

/// ArgumentParser's `@Option`, named here so it is not confused with AccordCore's `Option` (an issue's choice).
typealias Option = ArgumentParser.Option

extension Accord {
    /// Refuses a first argument that is no command, naming the nearest one (`analyse` → `analyze`).
    static func checkCommandName(_ arguments: [String]) throws {
        guard let first = arguments.first, !first.hasPrefix("-") else { return }
        let names = configuration.subcommands.map { $0._commandName } + ["help"]
        guard !names.contains(first) else { return }
        let nearest = names.map { ($0, editDistance(first, $0)) }.min { $0.1 < $1.1 }
        if let nearest, nearest.1 <= 2 {
            throw RequestError("unknown command '\(first)'; did you mean '\(nearest.0)'?")
        }
        throw RequestError("unknown command '\(first)'; the commands are \(names.joined(separator: ", ")).")
    }

    /// The Levenshtein distance between two words.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        var row = Array(0...b.count)
        for i in a.indices {
            var diagonal = row[0]
            row[0] = i + 1
            for j in b.indices {
                let above = row[j + 1]
                row[j + 1] = min(above + 1, row[j] + 1, diagonal + (a[i] == b[j] ? 0 : 1))
                diagonal = above
            }
        }
        return row[b.count]
    }
}
