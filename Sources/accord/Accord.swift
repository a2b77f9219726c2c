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
            Forecast.self, Convert.self, Scenarios.self, Serve.self, Slurm.self,
        ],
        defaultSubcommand: nil
    )

    /// Runs the tool with Accord's exit codes: 0 success, 1 a failed run, 2 bad usage or input.
    static func main() async {
        AgentSpecification.enableCommandLineAgents(CommandLine.arguments, ProcessInfo.processInfo.environment)
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
