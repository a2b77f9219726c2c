import AccordKit
import ArgumentParser
import Foundation

/// `accord merge`: combines the results folders of a tournament's shards into the results of the whole run.
struct Merge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Combine the results folders of a tournament's shards (accord tournament --shard k/n).",
        discussion: """
            The merged folder holds the same files as an unsharded run of the same specification, and the same \
            summary byte for byte. Every shard must come from the same specification and every negotiation must be \
            present exactly once.
            """)

    @Argument(help: ArgumentHelp("The shards' results folders.", valueName: "folder"))
    var inputs: [String]

    @Option(help: ArgumentHelp("The merged results folder (created if needed).", valueName: "folder"))
    var out: String

    @Option(help: "The summary printed at the end: text, json, markdown or html.")
    var format: ReportFormat = .text

    @OptionGroup var output: OutputOption

    func run() async throws {
        let result = try await MergeRequest(shards: inputs, resultsFolder: out).run()
        try output.deliver(result.render(format))
    }
}
