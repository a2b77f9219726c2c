import Foundation

/// Writes the Kubernetes manifests of a tournament's shards or of an analysis's Monte Carlo draws in shards
/// (`accord kubernetes`, docs/scale-out.md): an Indexed Job whose pod k − 1 runs shard k on a shared volume, and a Job
/// that merges them into `RESULTS/merged` — the same commands `accord slurm` submits. The pods run the image's
/// `accord`; every path is as the pods see it on the volume.
public struct KubernetesManifestsRequest: Sendable {
    /// What the shards run.
    public enum Work: Sendable {
        /// A tournament; its specification's absolute path in the pods.
        case tournament(specification: String)
        /// An analysis's Monte Carlo draws (``AnalysisRequest/samples`` given); a scenario file by its absolute path
        /// in the pods, or a bundled scenario.
        case analysis(AnalysisRequest)
    }

    /// What the shards run.
    public var work: Work
    /// The number of shards: the Job's completions.
    public var shards: Int
    /// The container image with `accord` on its `PATH` (and bash).
    public var image: String
    /// The PersistentVolumeClaim (ReadWriteMany) of the shared volume.
    public var claim: String
    /// Where the volume is mounted in the pods.
    public var mountPath: String
    /// The results folder, on the volume: the shards' results and `merged`.
    public var results: String
    /// The CPUs each shard's pod requests, which are also a tournament's `--jobs`.
    public var cpus: Int
    /// The memory each pod requests and may use at most (a Kubernetes quantity such as `2Gi`).
    public var memory: String

    /// Creates a request; the defaults are the CLI's.
    public init(
        work: Work, shards: Int, image: String, claim: String = "accord-data", mountPath: String = "/data",
        results: String = "/data/results", cpus: Int = 1, memory: String = "2Gi"
    ) {
        self.work = work
        self.shards = shards
        self.image = image
        self.claim = claim
        self.mountPath = mountPath
        self.results = results
        self.cpus = cpus
        self.memory = memory
    }

    /// The two manifests.
    ///
    /// - Throws: ``RequestError`` naming the first option that Kubernetes or the shards cannot take.
    public func render() throws(RequestError) -> KubernetesManifests {
        try check()
        let workload = try self.workload()
        let shardLines = workload.shardLines(executable: "accord", folder: results, shards: shards, jobs: String(cpus))
        let shardJob = job(
            "accord-shards",
            indexed: """
                  completionMode: Indexed
                  completions: \(shards)
                  parallelism: \(shards)
                  backoffLimit: 6
                  podFailurePolicy:
                    rules:
                      - action: Ignore
                        onPodConditions:
                          - type: DisruptionTarget
                            status: "True"
                      - action: FailJob
                        onExitCodes:
                          containerName: accord
                          operator: In
                          values: [2]

                """,
            script: "k=$((JOB_COMPLETION_INDEX + 1))\n" + shardLines, cpus: cpus)
        let mergeJob = job(
            "accord-merge", indexed: "  backoffLimit: 2\n",
            script: workload.mergeLines(executable: "accord", folder: results, shards: shards), cpus: 1)
        return KubernetesManifests(shards: shardJob, merge: mergeJob)
    }

    private func job(_ name: String, indexed spec: String, script: String, cpus: Int) -> String {
        let body = ("set -euo pipefail\n" + script).split(separator: "\n").map { "              " + $0 }
        return """
            # \(name).yaml, written by accord kubernetes \(workloadName)
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: \(name)
              labels:
                app.kubernetes.io/name: accord
            spec:
            \(spec)  template:
                spec:
                  restartPolicy: Never
                  terminationGracePeriodSeconds: 60
                  containers:
                    - name: accord
                      image: \(JSONValue.string(image).serialized(indent: 0))
                      command: ["/bin/bash", "-c"]
                      args:
                        - |
            \(body.joined(separator: "\n"))
                      resources:
                        requests:
                          cpu: "\(cpus)"
                          memory: \(memory)
                        limits:
                          memory: \(memory)
                      volumeMounts:
                        - name: data
                          mountPath: \(JSONValue.string(mountPath).serialized(indent: 0))
                  volumes:
                    - name: data
                      persistentVolumeClaim:
                        claimName: \(claim)

            """
    }

    private var workloadName: String {
        if case .analysis = work { return "analyze" }
        return "tournament"
    }

    private func workload() throws(RequestError) -> any SlurmWorkload {
        switch work {
        case .tournament(let specification):
            try Self.checkPodPath(specification, "the specification")
            return TournamentShards(specification: specification)
        case .analysis(let analysis):
            try AnalysisShards.checkShardable(analysis, front: "kubernetes")
            switch analysis.source {
            case .bundled: break
            case .file(let path), .geniusFolder(let path): try Self.checkPodPath(path, "the scenario")
            case .geniusFiles(let domain, let profiles):
                for path in [domain] + profiles { try Self.checkPodPath(path, "a GENIUS file") }
            case .text: throw RequestError("a scenario given as text cannot be sent to the pods: give its file")
            }
            return AnalysisShards(analysis: analysis)
        }
    }

    private func check() throws(RequestError) {
        guard (1...10_000).contains(shards) else {
            throw RequestError("--shards must be between 1 and 10,000, not \(shards)")
        }
        guard (1...1_024).contains(cpus) else { throw RequestError("--cpus must be between 1 and 1,024, not \(cpus)") }
        guard !image.isEmpty, image.count <= 512, image.allSatisfy({ $0.isASCII && !$0.isWhitespace && $0 != "\"" })
        else {
            throw RequestError("--image must name a container image, found '\(Echo.cut(image))'")
        }
        guard claim.wholeMatch(of: /[a-z0-9]([-a-z0-9]{0,251}[a-z0-9])?/) != nil else {
            throw RequestError(
                "--claim must be a Kubernetes name (lower-case letters, digits, '-'), found '\(Echo.cut(claim))'")
        }
        guard memory.wholeMatch(of: /[0-9]{1,12}(\.[0-9]{1,6})?(Ki|Mi|Gi|Ti|k|M|G|T)?/) != nil else {
            throw RequestError("--memory must be a Kubernetes quantity such as 2Gi, found '\(Echo.cut(memory))'")
        }
        try Self.checkPodPath(mountPath, "--mount")
        try Self.checkPodPath(results, "--results")
        guard results.hasPrefix(mountPath.hasSuffix("/") ? mountPath : mountPath + "/") else {
            throw RequestError("--results must be a folder on the volume, inside --mount \(Echo.cut(mountPath))")
        }
    }

    private static func checkPodPath(_ path: String, _ what: String) throws(RequestError) {
        guard path.hasPrefix("/"), path.count <= 1_024, !path.contains(where: { $0.isNewline || $0 == "\0" }) else {
            throw RequestError("\(what) must be an absolute path as the pods see it, found '\(Echo.cut(path))'")
        }
    }
}
