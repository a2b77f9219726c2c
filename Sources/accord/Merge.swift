import AccordKit
import ArgumentParser
import Foundation

/// `accord merge`: combines the results folders of a tournament's shards into the results of the whole run.
struct Merge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Combine the shards of a tournament (their folders) or of an analysis's draws (their counts files).",
        discussion: """
            The merge is byte for byte an unsharded run of the same specification or analysis (a tournament's files \
            in --out; an analysis's report in --format). Every shard must come from the same run, each exactly once.
            """)

    @Argument(help: ArgumentHelp("The shards' results folders, or their counts files.", valueName: "shard"))
    var inputs: [String]

    @Option(help: ArgumentHelp("A tournament's merged results folder (created if needed).", valueName: "folder"))
    var out: String?

    @Option(help: "The summary printed at the end: text, json, markdown or html.")
    var format: ReportFormat = .text

    @OptionGroup var output: OutputOption

    func validate() throws {
        guard out != nil || AnalysisMergeRequest.namesCountsFiles(inputs) else {
            throw ValidationError("--out names the merged results folder of a tournament's shards.")
        }
    }

    func run() async throws {
        if AnalysisMergeRequest.namesCountsFiles(inputs) {
            return try output.deliver(try await AnalysisMergeRequest(countsFiles: inputs).run().render(format))
        }
        let result = try await MergeRequest(shards: inputs, resultsFolder: out ?? "").run()
        try output.deliver(result.render(format))
    }
}
