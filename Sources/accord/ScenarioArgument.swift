import AccordKit
import ArgumentParser

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

    /// Where the scenario comes from.
    func source() throws -> ScenarioSource {
        try ScenarioSource(argument: scenario, domain: domain, profiles: profile)
    }
}
