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
            Forecast.self, Convert.self, Scenarios.self, Serve.self, Slurm.self, Kubernetes.self,
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
            let message = CommandSuggestion.oneSentence(self.message(for: error))
            fail(message + " See 'accord help'.", code: code.rawValue == 1 ? 1 : 2)
        }
    }

    static func fail(_ message: String, code: Int32) -> Never {
        let text = Echo.bounded(message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message)
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
        guard names.contains(first) else { throw CommandSuggestion.unknownCommand(first, names: names) }
    }
}
