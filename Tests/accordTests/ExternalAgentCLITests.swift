import Foundation
import Testing

/// External agents through the `accord` executable: a tournament mixing Accord's agents and shell-script agents that
/// play, crash, write garbage and hang; and `accord simulate` with one.
@Suite struct ExternalAgentCLITests {
    /// A shell-script agent in `folder`: answers settings with `ready` and runs `turn` on its turns.
    static func script(_ name: String, in folder: URL, turn: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        let text = """
            echo $$ >> "\(path).pids"
            while IFS= read -r line; do
              case "$line" in
                *'"type":"settings"'*) echo '{"type":"ready","version":1}' ;;
                *'"type":"turn"'*) \(turn) ;;
              esac
            done
            """
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let good = """
        case "$line" in *'"offer":null'*) echo '{"type":"offer","index":0}' ;; *) echo '{"type":"accept"}' ;; esac
        """

    /// Whether a process is gone (no such process, or a zombie nobody has reaped yet).
    static func isGone(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
        return stat.split(separator: ")").last?.split(separator: " ").first == "Z"
    }

    @Test func aTournamentIsolatesBrokenExternalAgentsAndGoesOn() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let folder = scratch.url
        let good = try Self.script("good.sh", in: folder, turn: Self.good)
        let crash = try Self.script("crash.sh", in: folder, turn: "exit 3")
        let garbage = try Self.script("garbage.sh", in: folder, turn: "echo 'not json'")
        let hang = try Self.script("hang.sh", in: folder, turn: "sleep 60")
        let spec = try scratch.file(
            "external.yaml",
            """
            accord_tournament: 1
            agents:
              - linear
              - {id: good, command: /bin/sh, args: ['\(good)']}
              - {id: crash, command: /bin/sh, args: ['\(crash)']}
              - {id: garbage, command: /bin/sh, args: ['\(garbage)']}
              - {id: hang, command: /bin/sh, args: ['\(hang)'], timeout: 1}
            scenarios: [job-offer]
            deadline: {rounds: 20}
            roles: fixed
            self_play: false
            """)
        let out = folder.appendingPathComponent("results").path
        let run = try AccordTool.run(["tournament", spec, "--out", out, "--progress", "none"], timeout: .seconds(120))
        #expect(run.status == 0, "\(run)")
        let table = try String(contentsOfFile: out + "/negotiations.csv", encoding: .utf8)
        let rows = table.split(separator: "\n").dropFirst()
        #expect(rows.count == 10)
        let expected = [
            "crash": "exited with status 3 instead of answering",
            "garbage": "answered with a line that is not a reply object",
            "hang": "did not answer within 1 s",
        ]
        for row in rows {
            let broken = expected.keys.filter { row.contains(",\($0),") }
            if broken.isEmpty {
                #expect(row.contains(",agreement,"), "\(row)")
            } else {
                #expect(row.contains(",failed,"), "\(row)")
                #expect(broken.contains { row.contains(expected[$0]!) }, "\(row)")
            }
        }
        // Every script started, and none outlived its negotiation.
        for name in ["good.sh", "crash.sh", "garbage.sh", "hang.sh"] {
            let pids = try String(contentsOfFile: folder.appendingPathComponent(name).path + ".pids", encoding: .utf8)
                .split(separator: "\n").compactMap { Int32($0) }
            #expect(pids.count == 4, "\(name) started \(pids.count) times")
            #expect(pids.allSatisfy(Self.isGone), "\(name) left a process behind")
        }
        // Running the same command again finds every negotiation recorded.
        let again = try AccordTool.run(["tournament", spec, "--out", out, "--progress", "none"])
        #expect(again.status == 0, "\(again)")
        #expect(try String(contentsOfFile: out + "/negotiations.csv", encoding: .utf8) == table)
    }

    @Test func simulateWithAnExternalAgent() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let good = try Self.script("good.sh", in: scratch.url, turn: Self.good)
        let crash = try Self.script("crash.sh", in: scratch.url, turn: "exit 3")
        let played = try AccordTool.run([
            "simulate", "job-offer", "--agents", "candidate=external(command=\"/bin/sh '\(good)'\")", "--format",
            "json",
        ])
        #expect(played.status == 0, "\(played)")
        #expect(played.stdout.contains("\"ending\": \"agreement\""), "\(played.stdout.prefix(400))")
        let crashed = try AccordTool.run([
            "simulate", "job-offer", "--agents", "candidate=external(command=\"/bin/sh '\(crash)'\")",
        ])
        #expect(crashed.status == 0, "\(crashed)")
        #expect(
            crashed.stdout.contains(
                "No agreement: the agent of Candidate failed in round 1 (t = 0.010): it exited with status 3 instead of answering."
            ),
            "\(crashed.stdout.prefix(600))")
        let bad = try AccordTool.run(["simulate", "job-offer", "--agents", "candidate=external(timeout=2)"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("parameter 'command' is missing"), "\(bad)")
    }

    /// `accord serve` runs no programs: a simulation or tournament naming an external agent is refused before a run
    /// is accepted (or, were one accepted, fails), and the program never runs.
    @Test func theServerRefusesExternalAgents() async throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let marker = scratch.url.appendingPathComponent("ran").path
        let server = try ServerProcess(arguments: ["--database", scratch.url.appendingPathComponent("db.sqlite").path])
        defer { server.kill(SIGTERM) }
        let agent = #"candidate=external(command=\"/usr/bin/touch "# + marker + #"\")"#
        let simulation = try await server.request(
            "POST", "/api/v1/simulations", body: #"{"scenario": "job-offer", "agents": ""# + agent + #""}"#)
        let tournament = try await server.request(
            "POST", "/api/v1/tournaments",
            body: #"{"specification": {"accord_tournament": 1, "agents": ["linear", {"id": "x", "command": "#
                + #""/usr/bin/touch", "args": [""# + marker + #""]}], "scenarios": ["job-offer"], "#
                + #""deadline": {"rounds": 5}}}"#)
        for reply in [simulation, tournament] {
            var body = reply.body
            if reply.status == 202, let id = body.firstMatch(of: /"id": "([0-9a-f-]+)"/).map({ String($0.output.1) }) {
                for _ in 0..<100 where !body.contains(#""status": "failed""#) {
                    try await Task.sleep(for: .milliseconds(100))
                    body = try await server.request("GET", "/api/v1/runs/\(id)").body
                }
            } else {
                #expect((400..<500).contains(reply.status), "\(reply.status) \(reply.body)")
            }
            #expect(body.contains("external agents run only from the accord command line"), "\(body.prefix(800))")
        }
        #expect(!FileManager.default.fileExists(atPath: marker))
    }
}
