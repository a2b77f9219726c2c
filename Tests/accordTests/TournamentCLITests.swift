import Foundation
import Testing

/// `accord tournament` and `accord merge` end to end: files, resumption, shards, fault isolation, bad input.
@Suite(.serialized) struct TournamentCLITests {
    static let spec = """
        accord_tournament: 1
        name: Small
        agents: [boulware, conceder, {id: tft, agent: tit-for-tat}]
        scenarios: [job-offer, {name: price, path: price.yaml}]
        deadline: {rounds: 60}
        repetitions: 2
        seed: 11
        """

    static let price = """
        accord: 1
        name: Price
        issues:
          - {id: price, options: [p0, p1, p2, p3, p4]}
        parties:
          - {id: buyer, weights: {price: 1}, values: {price: {p0: 1, p1: 0.75, p2: 0.5, p3: 0.25, p4: 0}}}
          - {id: seller, weights: {price: 1}, values: {price: {p0: 0, p1: 0.25, p2: 0.5, p3: 0.75, p4: 1}}}
        """

    /// 3 agents, all ordered pairs with self-play (9) × 2 scenarios × 2 repetitions.
    static let negotiations = 36

    static let resultFiles = [
        "negotiations.csv", "negotiations.jsonl", "genius-log.csv", "summary.json", "summary.md", "summary.html",
        "summary.txt",
    ]

    func setUp() throws -> (ScratchDirectory, String) {
        let scratch = try ScratchDirectory()
        _ = try scratch.file("price.yaml", Self.price)
        return (scratch, try scratch.file("spec.yaml", Self.spec))
    }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func runWritesEveryFile() throws {
        let (scratch, spec) = try setUp()
        defer { scratch.remove() }
        let out = scratch.url.appendingPathComponent("results").path
        let run = try AccordTool.run(["tournament", spec, "--out", out, "--progress", "lines"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains("Ranking"))
        #expect(run.stderr.contains("accord: \(Self.negotiations)/\(Self.negotiations) negotiations (100%)"))
        for file in Self.resultFiles { #expect(FileManager.default.fileExists(atPath: out + "/" + file), "\(file)") }
        let csv = try read(out + "/negotiations.csv").split(separator: "\n")
        #expect(csv.count == Self.negotiations + 1)
        let jsonl = try read(out + "/negotiations.jsonl").split(separator: "\n")
        #expect(jsonl.count == Self.negotiations)
        for (index, line) in jsonl.enumerated() {
            let object = try #require(try parseJSON(String(line)) as? [String: Any])
            #expect(object["id"] as? Int == index)
        }
        let log = try read(out + "/genius-log.csv")
        #expect(log.hasPrefix("sep=;\nRun time (s);Round;Exception;deadline;Agreement;"))
        let summary = try #require(try parseJSON(try read(out + "/summary.json")) as? [String: Any])
        #expect(summary["standings"] != nil || summary["ranking"] != nil)
    }

    @Test func aRunIsReproducibleAndARepeatedRunChangesNothing() throws {
        let (scratch, spec) = try setUp()
        defer { scratch.remove() }
        let first = scratch.url.appendingPathComponent("first").path
        let second = scratch.url.appendingPathComponent("second").path
        #expect(try AccordTool.run(["tournament", spec, "--out", first, "--progress", "none"]).status == 0)
        #expect(
            try AccordTool.run(["tournament", spec, "--out", second, "--progress", "none", "--jobs", "1"]).status == 0)
        for file in Self.resultFiles where file != "genius-log.csv" {
            #expect(try read(first + "/" + file) == read(second + "/" + file), "\(file)")
        }
        let again = try AccordTool.run(["tournament", spec, "--out", first, "--progress", "none"])
        #expect(again.status == 0)
        #expect(
            try read(first + "/progress.jsonl").split(separator: "\n").filter { $0.contains("\"id\"") }.count
                == Self.negotiations)
        #expect(try read(first + "/summary.txt") == read(second + "/summary.txt"))
    }

    /// A run cut short (records missing, the last line half-written) continues and ends with the same results.
    @Test func resumesFromWhatItWrote() throws {
        let (scratch, spec) = try setUp()
        defer { scratch.remove() }
        let whole = scratch.url.appendingPathComponent("whole").path
        let cut = scratch.url.appendingPathComponent("cut").path
        #expect(try AccordTool.run(["tournament", spec, "--out", whole, "--progress", "none"]).status == 0)
        #expect(try AccordTool.run(["tournament", spec, "--out", cut, "--progress", "none"]).status == 0)
        // Keep the first 20 lines and half of the 21st, as a kill in mid-write would; drop the result files.
        let lines = try read(cut + "/progress.jsonl").split(separator: "\n", omittingEmptySubsequences: false)
        let kept = lines.prefix(20).joined(separator: "\n") + "\n" + lines[20].prefix(lines[20].count / 2)
        try kept.write(toFile: cut + "/progress.jsonl", atomically: true, encoding: .utf8)
        for file in Self.resultFiles { try FileManager.default.removeItem(atPath: cut + "/" + file) }
        let resumed = try AccordTool.run(["tournament", spec, "--out", cut, "--progress", "lines"])
        #expect(resumed.status == 0, "\(resumed)")
        for file in Self.resultFiles where file != "genius-log.csv" {
            #expect(try read(whole + "/" + file) == read(cut + "/" + file), "\(file)")
        }
    }

    /// Ctrl-C stops the run (exit 130) keeping what it recorded; the same command then finishes it.
    @Test func interruptedRunContinues() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let spec = try scratch.file(
            "slow.yaml",
            """
            accord_tournament: 1
            agents: [linear, test-slow]
            scenarios: [job-offer]
            deadline: {rounds: 8}
            repetitions: 4
            """)
        let out = scratch.url.appendingPathComponent("results").path
        let reference = scratch.url.appendingPathComponent("reference").path
        let environment = ["ACCORD_TEST_AGENTS": "1"]
        let executable = try #require(AccordTool.executable)
        let process = Process()
        process.executableURL = executable
        process.arguments = ["tournament", spec, "--out", out, "--progress", "none", "--jobs", "1"]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        let standardError = Pipe()
        process.standardError = standardError
        try process.run()
        Thread.sleep(forTimeInterval: 1.5)
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        // Said once, by the supervisor (the worker it stopped leaves the message to it).
        let message = String(decoding: standardError.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(message == "accord: interrupted; run the same command again to continue where it stopped.\n")
        let partial = try read(out + "/progress.jsonl").split(separator: "\n").filter { $0.contains("\"id\"") }.count
        #expect(partial > 0 && partial < 16, "\(partial) records after the interruption")
        let resumed = try AccordTool.run(
            ["tournament", spec, "--out", out, "--progress", "none"], environment: environment)
        #expect(resumed.status == 0, "\(resumed)")
        let full = try AccordTool.run(
            ["tournament", spec, "--out", reference, "--progress", "none"], environment: environment)
        #expect(full.status == 0)
        #expect(try read(out + "/negotiations.csv") == read(reference + "/negotiations.csv"))
        #expect(try read(out + "/summary.json") == read(reference + "/summary.json"))
    }

    /// SIGINT and SIGTERM, to a run on two workers, leave every file consistent: the progress log ends with a whole
    /// line and every line is JSON, no temporary file is left, the folder's lock is released (the same command
    /// takes it at once), and the resumed run ends with the results of an uninterrupted one.
    @Test(arguments: [SIGINT, SIGTERM]) func aSignalLeavesEveryFileConsistent(signal: Int32) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let spec = try scratch.file(
            "slow.yaml",
            """
            accord_tournament: 1
            agents: [linear, test-slow, boulware]
            scenarios: [job-offer]
            deadline: {rounds: 8}
            repetitions: 2
            """)
        let out = scratch.url.appendingPathComponent("results").path
        let environment = ["ACCORD_TEST_AGENTS": "1"]
        let executable: URL = try #require(AccordTool.executable)
        let process = Process()
        process.executableURL = executable
        process.arguments = ["tournament", spec, "--out", out, "--progress", "none", "--jobs", "2"]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let log = out + "/progress.jsonl"
        for _ in 0..<100 where ((try? FileManager.default.attributesOfItem(atPath: log)[.size] as? Int) ?? 0) == 0 {
            Thread.sleep(forTimeInterval: 0.1)
        }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130, "exit \(process.terminationStatus) on signal \(signal)")
        let text = try read(log)
        #expect(text.hasSuffix("\n"), "the progress log ends mid-line")
        for line in text.split(separator: "\n") {
            #expect((try? parseJSON(String(line))) != nil, "a progress line is not JSON: \(line.prefix(80))")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: out)
        #expect(files.allSatisfy { !$0.contains("tmp") && !$0.hasPrefix(".") || $0 == ".lock" }, "\(files)")
        let resumed = try AccordTool.run(
            ["tournament", spec, "--out", out, "--progress", "none"], environment: environment)
        #expect(resumed.status == 0, "\(resumed)")
        let reference = scratch.url.appendingPathComponent("reference").path
        let full = try AccordTool.run(
            ["tournament", spec, "--out", reference, "--progress", "none"], environment: environment)
        #expect(full.status == 0)
        for file in Self.resultFiles where file != "genius-log.csv" {
            #expect(try read(out + "/" + file) == read(reference + "/" + file), "\(file)")
        }
    }

    /// A worker dies with its supervisor: after SIGKILL of `accord tournament`, its worker is gone within two
    /// seconds (before #15 it ran on for 30 s or more, writing into the results folder).
    @Test func aWorkerDiesWithItsSupervisor() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let spec = try scratch.file(
            "slow.yaml",
            """
            accord_tournament: 1
            agents: [linear, test-slow]
            scenarios: [job-offer]
            deadline: {rounds: 8}
            repetitions: 40
            """)
        let out = scratch.url.appendingPathComponent("results").path
        let executable: URL = try #require(AccordTool.executable)
        let process = Process()
        process.executableURL = executable
        process.arguments = ["tournament", spec, "--out", out, "--progress", "none", "--jobs", "1"]
        process.environment = ProcessInfo.processInfo.environment.merging(["ACCORD_TEST_AGENTS": "1"]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var worker: Int32?
        for _ in 0..<100 where worker == nil {
            Thread.sleep(forTimeInterval: 0.1)
            worker = Self.children(of: process.processIdentifier).first
        }
        let pid = try #require(worker, "the supervisor started no worker")
        // Killed mid-run: once the worker has started negotiating (it appends to the progress log).
        let log = out + "/progress.jsonl"
        for _ in 0..<100 where ((try? FileManager.default.attributesOfItem(atPath: log)[.size] as? Int) ?? 0) == 0 {
            Thread.sleep(forTimeInterval: 0.1)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        var alive = true
        for _ in 0..<40 where alive {
            Thread.sleep(forTimeInterval: 0.05)
            alive = Self.isRunning(pid)
        }
        #expect(!alive, "the worker \(pid) outlived its supervisor by 2 s")
        if alive { kill(pid, SIGKILL) }
    }

    /// An external agent stuck before its first reply dies with its worker however the worker dies: killed
    /// outright (the supervisor then kills what the worker left behind, found by the worker's token) or left without
    /// its supervisor (the worker kills its agents as it ends).
    @Test(arguments: ["worker", "supervisor"])
    func aStuckExternalAgentDiesWithItsWorker(killed: String) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let spec = try scratch.file(
            "stuck.yaml",
            """
            accord_tournament: 1
            agents:
              - linear
              - {id: stuck, command: /bin/sh, args: ["-c", "read settings; exec sleep 600"], startup: 600}
            scenarios: [job-offer]
            deadline: {rounds: 8}
            """)
        let process = Process()
        process.executableURL = AccordTool.executable
        let out = scratch.url.appendingPathComponent("results").path
        process.arguments = ["tournament", spec, "--out", out, "--progress", "none", "--jobs", "1"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        var worker: Int32?
        var agent: Int32?
        for _ in 0..<200 where agent == nil {
            Thread.sleep(forTimeInterval: 0.05)
            worker = worker ?? Self.children(of: process.processIdentifier).first
            agent = worker.flatMap { Self.children(of: $0).first }
        }
        let stuck = try #require(agent, "the worker started no agent")
        kill(killed == "worker" ? try #require(worker) : process.processIdentifier, SIGKILL)
        var alive = true
        for _ in 0..<60 where alive {
            Thread.sleep(forTimeInterval: 0.05)
            alive = Self.isRunning(stuck)
        }
        #expect(!alive, "the agent \(stuck) outlived its \(killed) by 3 s")
        if alive { kill(stuck, SIGKILL) }
        // The supervisor (when it lives) started a new worker and agent; ending it ends them.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// The processes whose parent is `parent`, from /proc.
    static func children(of parent: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return false }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && Int32(fields[1]) == parent
        }
    }

    /// Whether `pid` is a process that has not ended (a zombie has ended).
    static func isRunning(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        return stat[stat.index(after: close)...].split(separator: " ").first != "Z"
    }

    @Test func mergedShardsEqualTheWholeRunByteForByte() throws {
        let (scratch, spec) = try setUp()
        defer { scratch.remove() }
        let whole = scratch.url.appendingPathComponent("whole").path
        #expect(try AccordTool.run(["tournament", spec, "--out", whole, "--progress", "none"]).status == 0)
        var shards: [String] = []
        for k in 1...3 {
            let out = scratch.url.appendingPathComponent("shard\(k)").path
            let run = try AccordTool.run(["tournament", spec, "--out", out, "--shard", "\(k)/3", "--progress", "none"])
            #expect(run.status == 0, "\(run)")
            #expect(try read(out + "/negotiations.csv").split(separator: "\n").count == Self.negotiations / 3 + 1)
            shards.append(out)
        }
        let merged = scratch.url.appendingPathComponent("merged").path
        let merge = try AccordTool.run(["merge", "--out", merged] + shards)
        #expect(merge.status == 0, "\(merge)")
        for file in Self.resultFiles where file != "genius-log.csv" {
            #expect(try read(whole + "/" + file) == read(merged + "/" + file), "\(file)")
        }
        #expect(merge.stdout == (try read(whole + "/summary.txt")))

        let missing = try AccordTool.run(
            ["merge", "--out", scratch.url.appendingPathComponent("m2").path] + shards.prefix(2))
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("missing"))
        let twice = try AccordTool.run(
            ["merge", "--out", scratch.url.appendingPathComponent("m3").path] + shards + [shards[0]])
        #expect(twice.status == 2)
    }

    @Test func aCrashingAgentDoesNotEndTheRun() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let spec = try scratch.file(
            "crash.yaml",
            """
            accord_tournament: 1
            agents: [linear, conceder, test-crash]
            scenarios: [job-offer]
            deadline: {rounds: 50}
            self_play: false
            """)
        let out = scratch.url.appendingPathComponent("results").path
        let run = try AccordTool.run(
            ["tournament", spec, "--out", out, "--progress", "none"],
            environment: ["ACCORD_TEST_AGENTS": "1", "SWIFT_BACKTRACE": "enable=no"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.contains("crashed"))
        let rows = try read(out + "/negotiations.csv").split(separator: "\n").dropFirst()
        #expect(rows.count == 6)
        for row in rows {
            if row.contains("test-crash") {
                #expect(row.contains(",failed,"), "\(row)")
            } else {
                #expect(row.contains(",agreement,"), "\(row)")
            }
        }
    }

    @Test func aHangingAgentIsStoppedAndASlowOneTimesOut() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let spec = try scratch.file(
            "hang.yaml",
            """
            accord_tournament: 1
            agents: [linear, test-hang, test-slow]
            scenarios: [job-offer]
            deadline: {rounds: 1000}
            roles: fixed
            self_play: false
            time_limit: 0.3
            """)
        let out = scratch.url.appendingPathComponent("results").path
        let run = try AccordTool.run(
            ["tournament", spec, "--out", out, "--progress", "none"], timeout: .seconds(90),
            environment: ["ACCORD_TEST_AGENTS": "1"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.contains("made no progress"))
        let rows = try read(out + "/negotiations.csv").split(separator: "\n").dropFirst()
        #expect(rows.count == 3)
        // linear–test-hang and test-hang–test-slow hang; linear–test-slow runs out of its time limit.
        #expect(rows.allSatisfy { $0.contains(",failed,") })
        #expect(rows.contains { $0.contains("exceeded the time limit") })
        #expect(rows.filter { $0.contains("stopped the run twice") }.count == 2)
    }

    @Test func badInput() throws {
        let (scratch, spec) = try setUp()
        defer { scratch.remove() }
        let out = scratch.url.appendingPathComponent("results").path
        func expectFailure(_ arguments: [String], _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation)
            throws
        {
            let run = try AccordTool.run(arguments)
            #expect(run.status == 2, "\(run)", sourceLocation: sourceLocation)
            #expect(run.stderrLines.count == 1, "\(run)", sourceLocation: sourceLocation)
            #expect(run.stderr.contains(fragment), "\(run)", sourceLocation: sourceLocation)
        }
        try expectFailure(["tournament", spec, "--out", out, "--shard", "3/2"], "bad shard '3/2'")
        try expectFailure(
            ["tournament", spec, "--out", out, "--shard", "x"], "The value 'x' is invalid for '--shard <k/n>'.")
        try expectFailure(
            ["tournament", spec, "--out", out, "--progress", "nosuch"],
            "Please provide one of 'auto', 'bar', 'lines' or 'none'.")
        try expectFailure(["tournament", spec, "--out", out, "--jobs", "0"], "--jobs must be at least 1, not 0.")
        let unknown = try scratch.file("unknown.yaml", Self.spec.replacingOccurrences(of: "conceder", with: "concede"))
        try expectFailure(["tournament", unknown, "--out", out], "unknown agent 'concede'; the agents are boulware")
        let missing = try scratch.file(
            "missing.yaml", Self.spec.replacingOccurrences(of: "price.yaml", with: "nope.yaml"))
        try expectFailure(["tournament", missing, "--out", out], "nope.yaml")
        try expectFailure(
            ["tournament", scratch.url.appendingPathComponent("absent.yaml").path, "--out", out], "no such file")

        // A results folder of another tournament: refused, nothing overwritten.
        #expect(try AccordTool.run(["tournament", spec, "--out", out, "--progress", "none"]).status == 0)
        let before = try read(out + "/summary.json")
        let other = try scratch.file("other.yaml", Self.spec.replacingOccurrences(of: "seed: 11", with: "seed: 12"))
        try expectFailure(["tournament", other, "--out", out], "holds the results of another tournament")
        #expect(try read(out + "/summary.json") == before)
        try expectFailure(["tournament", spec, "--out", out, "--shard", "1/2"], "holds shard 1/1")
        let foreign = try scratch.directory("foreign")
        _ = try scratch.file("foreign/notes.txt", "mine")
        try expectFailure(["tournament", spec, "--out", foreign], "not empty")
        try expectFailure(
            ["merge", "--out", scratch.url.appendingPathComponent("m").path, foreign], "no tournament.json")
    }
}
