import Foundation

/// The Slurm cluster this machine submits to, through its commands `sbatch`, `scontrol` and `scancel` found on the
/// `PATH` (with the environment's `SLURM_CONF`, if any).
public struct SlurmCommands: SlurmScheduler {
    /// Creates the scheduler.
    public init() {}

    /// Runs `sbatch --parsable OPTIONS SCRIPT` and reads the job id it prints.
    public func submit(script: String, options: [String]) async throws -> String {
        let output = try run("sbatch", ["--parsable"] + options + [script])
        // `--parsable` prints `id` or `id;cluster`.
        let id = output.split(whereSeparator: \.isNewline).last?.split(separator: ";").first.map(String.init) ?? ""
        guard !id.isEmpty, id.allSatisfy(\.isNumber) else {
            throw SlurmFailure.command("sbatch", reason: "it printed '\(output)' instead of a job id")
        }
        return id
    }

    /// Runs `scontrol show job --oneliner ID`; a job id Slurm no longer knows gives none.
    public func jobs(_ id: String) async throws -> [SlurmJob] {
        do {
            let output = try run("scontrol", ["show", "job", "--oneliner", id])
            return output.split(whereSeparator: \.isNewline).compactMap { SlurmJob(scontrolLine: $0) }
        } catch SlurmFailure.command(_, let reason) where reason.contains("Invalid job id") {
            return []  // Forgotten: ended more than MinJobAge seconds ago.
        }
    }

    /// Runs `scancel ID`.
    public func cancel(_ id: String) async throws {
        _ = try run("scancel", [id])
    }

    /// Runs `command` and returns its standard output; a failure carries the first line of its standard error.
    private func run(_ command: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [command] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw SlurmFailure.command(command, reason: IOFailure.reason(of: error as NSError))
        }
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complaint = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let line = String(decoding: complaint, as: UTF8.self).split(whereSeparator: \.isNewline).first
            let reason =
                process.terminationStatus == 127
                ? "it is not installed (not found on the PATH)"
                : line.map(String.init) ?? "exit status \(process.terminationStatus)"
            throw SlurmFailure.command(command, reason: reason)
        }
        return String(decoding: printed, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
