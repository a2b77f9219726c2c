import Foundation

/// The two manifests of a sharded run on Kubernetes (``KubernetesManifestsRequest``): an Indexed Job of the shards
/// and a Job of their merge, applied once the first has completed.
public struct KubernetesManifests: Sendable, Hashable {
    /// `accord-shards.yaml`: the Indexed Job, one pod per shard.
    public var shards: String
    /// `accord-merge.yaml`: the merge's Job.
    public var merge: String

    /// Creates the pair.
    public init(shards: String, merge: String) {
        self.shards = shards
        self.merge = merge
    }

    /// The files' names and texts, the shards' first.
    public var files: [(name: String, text: String)] { [("accord-shards.yaml", shards), ("accord-merge.yaml", merge)] }

    /// Writes ``files`` into `folder` (created if needed), each in one step, and returns their paths.
    ///
    /// - Throws: ``IOFailure`` when the folder or a file cannot be written.
    public func write(into folder: String) throws -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw IOFailure("cannot create the folder '\(Echo.cut(folder))'", error: error)
        }
        return try files.map { file in
            let path = folder + "/" + file.name
            try ReportWriter.write(file.text, to: path)
            return path
        }
    }
}
