import AccordKit
import Foundation
import Testing

/// `accord kubernetes`: the Indexed Job of the shards and the merge's Job run the same commands as Slurm's array,
/// with the pods' paths; options Kubernetes cannot take are refused. (scripts/ci/kubernetes-manifests.sh validates
/// the manifests against Kubernetes's schema.)
@Suite struct KubernetesManifestsRequestTests {
    @Test func aTournamentsShardsAreAnIndexedJobAndItsMergeAJob() throws {
        let manifests = try KubernetesManifestsRequest(
            work: .tournament(specification: "/data/it's.yaml"), shards: 8, image: "registry.example.com/accord:1",
            cpus: 2, memory: "3Gi"
        ).render()
        let shards = manifests.shards.split(separator: "\n").map(String.init)
        for line in [
            "kind: Job", "  name: accord-shards", "  completionMode: Indexed", "  completions: 8", "  parallelism: 8",
            "          image: \"registry.example.com/accord:1\"", "              cpu: \"2\"",
            "              memory: 3Gi",
            "              k=$((JOB_COMPLETION_INDEX + 1))",
            "              exec 'accord' tournament '/data/it'\\''s.yaml' \\",
            "                  --out '/data/results'/shard-\"$k\" --shard \"$k/8\" --jobs 2 --progress lines",
            "            claimName: accord-data", "              mountPath: \"/data\"",
        ] {
            #expect(shards.contains(line), "\(line)")
        }
        #expect(!manifests.merge.contains("completionMode"))
        #expect(
            manifests.merge.contains(
                "\n              exec 'accord' merge --out '/data/results'/merged '/data/results'/shard-{1..8}\n"))
        #expect(manifests.files.map(\.name) == ["accord-shards.yaml", "accord-merge.yaml"])
    }

    @Test func anAnalysisShardsItsDrawsAsSlurmDoes() throws {
        let analysis = AnalysisRequest(source: .file("/data/talks.yaml"), samples: 1_000, seed: 5)
        let manifests = try KubernetesManifestsRequest(
            work: .analysis(analysis), shards: 3, image: "accord:1", mountPath: "/mnt", results: "/mnt/mc"
        ).render()
        #expect(
            manifests.shards.contains(
                """
                              exec 'accord' 'analyze' '/data/talks.yaml' '--samples' '1000' '--seed' '5' \\
                                  --shard "$k/3" --counts '/mnt/mc'/shard-"$k".counts.json

                """))
        #expect(manifests.merge.contains("--format json --output '/mnt/mc'/merged/analysis.json\n"))
    }

    @Test func theManifestsAreWrittenIntoTheFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accord-k8s-\(UUID().uuidString)")
            .path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let manifests = try KubernetesManifestsRequest(
            work: .tournament(specification: "/data/t.yaml"), shards: 2, image: "accord:1"
        ).render()
        #expect(
            try manifests.write(into: folder + "/k8s") == [
                folder + "/k8s/accord-shards.yaml", folder + "/k8s/accord-merge.yaml",
            ])
        #expect(try String(contentsOfFile: folder + "/k8s/accord-merge.yaml", encoding: .utf8) == manifests.merge)
    }

    @Test(arguments: [
        (
            KubernetesManifestsRequest(work: .tournament(specification: "t.yaml"), shards: 2, image: "a"),
            "the specification must be an absolute path as the pods see it, found 't.yaml'."
        ),
        (
            KubernetesManifestsRequest(work: .tournament(specification: "/t.yaml"), shards: 0, image: "a"),
            "--shards must be between 1 and 10,000, not 0."
        ),
        (
            KubernetesManifestsRequest(work: .tournament(specification: "/t.yaml"), shards: 2, image: "my image"),
            "--image must name a container image, found 'my image'."
        ),
        (
            KubernetesManifestsRequest(
                work: .tournament(specification: "/t.yaml"), shards: 2, image: "a", claim: "Data"),
            "--claim must be a Kubernetes name (lower-case letters, digits, '-'), found 'Data'."
        ),
        (
            KubernetesManifestsRequest(
                work: .tournament(specification: "/t.yaml"), shards: 2, image: "a", memory: "lots"),
            "--memory must be a Kubernetes quantity such as 2Gi, found 'lots'."
        ),
        (
            KubernetesManifestsRequest(
                work: .tournament(specification: "/t.yaml"), shards: 2, image: "a", results: "/tmp/r"),
            "--results must be a folder on the volume, inside --mount /data."
        ),
        (
            KubernetesManifestsRequest(
                work: .analysis(AnalysisRequest(source: .bundled("job-offer"))), shards: 2, image: "a"),
            "accord kubernetes analyze divides Monte Carlo draws: give their number with --samples."
        ),
    ])
    func optionsKubernetesCannotTakeAreRefused(request: KubernetesManifestsRequest, sentence: String) {
        #expect {
            try request.render()
        } throws: { error in
            (error as? RequestError)?.sentence == sentence
        }
    }
}
