import AccordKit
import ArgumentParser
import Foundation

/// `accord kubernetes`: the manifests of a sharded run on Kubernetes (docs/scale-out.md).
struct Kubernetes: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the Kubernetes Jobs of a tournament's or an analysis's shards and of their merge.",
        subcommands: [KubernetesTournament.self, KubernetesAnalyze.self])
}

/// The options of every `accord kubernetes` command.
struct KubernetesOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The folder the manifests are written to (created if needed).", valueName: "folder"))
    var out: String

    @Option(help: "The number of shards (the Indexed Job's completions).") var shards: Int
    @Option(help: "The container image, with accord on its PATH.") var image: String
    @Option(help: "The ReadWriteMany PersistentVolumeClaim of the shared volume.") var claim = "accord-data"
    @Option(help: "Where the pods mount the volume.") var mount = "/data"
    @Option(help: "The results folder on the volume, as the pods see it.") var results = "/data/results"
    @Option(help: "CPUs each shard's pod requests.") var cpus = 1
    @Option(help: "Memory each pod requests and may use.") var memory = "2Gi"

    /// Renders `work`'s manifests into `--out` and names the files.
    func write(_ work: KubernetesManifestsRequest.Work) throws {
        let manifests = try KubernetesManifestsRequest(
            work: work, shards: shards, image: image, claim: claim, mountPath: mount, results: results, cpus: cpus,
            memory: memory
        ).render()
        for path in try manifests.write(into: out) { emit("wrote \(path)\n") }
    }
}

/// `accord kubernetes tournament`.
struct KubernetesTournament: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tournament", abstract: "Write the Jobs of a tournament's shards and of their merge.")

    @Argument(help: "The tournament specification's absolute path in the pods.") var specification: String
    @OptionGroup var kubernetes: KubernetesOptions

    func run() async throws { try kubernetes.write(.tournament(specification: specification)) }
}

/// `accord kubernetes analyze`.
struct KubernetesAnalyze: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Write the Jobs of an analysis's Monte Carlo draws in shards and of their merge.")

    @OptionGroup var analysis: AnalysisArguments
    @OptionGroup var kubernetes: KubernetesOptions

    func run() async throws { try kubernetes.write(.analysis(try analysis.request())) }
}
