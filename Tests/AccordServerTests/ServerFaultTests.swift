import AccordKit
import AccordStore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization
import Testing

@testable import AccordServer

/// The server's defences against clients that go away or hold on, and against a store that cannot write
/// (issue #15); the process-level faults (SIGKILL, a PostgreSQL restart, a full disk, slow and a thousand
/// event-stream clients) are driven against `accord serve` by scripts/ci/server_faults.py.
@Suite struct ServerFaultTests {
    /// A response body writer that keeps what it is given and fails every write once `gone` is set, as a closed
    /// connection does.
    struct ClosingWriter: ResponseBodyWriter {
        let box: Box

        mutating func write(_ buffer: ByteBuffer) async throws {
            if box.gone.load(ordering: .relaxed) { throw ChannelError.ioOnClosedChannel }
            box.written.withLock { $0.append(String(buffer: buffer)) }
        }

        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }

    final class Box: Sendable {
        let written = Mutex<[String]>([])
        let gone = Atomic<Bool>(false)
        let terminated = Atomic<Bool>(false)
    }

    @Test func anIdleEventStreamWhoseClientLeftEndsAtTheNextHeartbeat() async throws {
        let box = Box()
        let (events, continuation) = AsyncStream<String>.makeStream()
        continuation.onTermination = { _ in box.terminated.store(true, ordering: .relaxed) }
        let task = Task {
            var writer = ClosingWriter(box: box)
            try await EventStream.send(events, heartbeat: .milliseconds(50), to: &writer) { "data: \($0)\n\n" }
        }
        continuation.yield("one")
        // Wait (up to 10 s, the machine may be busy) for the event and a heartbeat after it.
        for _ in 0..<1_000 where !box.written.withLock({ $0.contains(": keep-alive\n\n") }) {
            try await Task.sleep(for: .milliseconds(10))
        }
        let beforeLeaving = box.written.withLock { $0 }
        #expect(beforeLeaving.first == "data: one\n\n")
        #expect(beforeLeaving.dropFirst().contains(": keep-alive\n\n"))
        // The client goes away; no event comes. The next heartbeat's write fails and the stream ends, releasing
        // its subscription.
        box.gone.store(true, ordering: .relaxed)
        let result = await task.result
        #expect(throws: ChannelError.self) { try result.get() }
        let terminated = box.terminated.load(ordering: .relaxed)
        #expect(terminated)
    }

    @Test func anEventStreamEndsWithItsEvents() async throws {
        let box = Box()
        let (events, continuation) = AsyncStream<Int>.makeStream()
        continuation.yield(1)
        continuation.yield(2)
        continuation.finish()
        var writer = ClosingWriter(box: box)
        try await EventStream.send(events, heartbeat: .seconds(60), to: &writer) { $0 == 2 ? nil : "data: \($0)\n\n" }
        #expect(box.written.withLock { $0 } == ["data: 1\n\n"])
    }

    @Test func connectionLimitsAreReadFromTheEnvironment() throws {
        var settings = try ServeSettings(
            host: "127.0.0.1", port: 0, database: nil, tokenFile: nil, environmentToken: nil)
        #expect(settings.configuration.idleTimeout == .seconds(30))
        #expect(settings.configuration.maxConnections == 4_096)
        #expect(settings.configuration.eventStreamHeartbeat == .seconds(15))
        try settings.readConnectionLimits([
            "ACCORD_IDLE_TIMEOUT": "2.5", "ACCORD_MAX_CONNECTIONS": "10", "ACCORD_HEARTBEAT_SECONDS": "1",
        ])
        #expect(settings.configuration.idleTimeout == .milliseconds(2_500))
        #expect(settings.configuration.maxConnections == 10)
        #expect(settings.configuration.eventStreamHeartbeat == .seconds(1))
        for (name, value) in [
            ("ACCORD_IDLE_TIMEOUT", "0"), ("ACCORD_IDLE_TIMEOUT", "nan"), ("ACCORD_HEARTBEAT_SECONDS", "1e300"),
            ("ACCORD_MAX_CONNECTIONS", "0"), ("ACCORD_MAX_CONNECTIONS", String(repeating: "9", count: 100)),
        ] {
            #expect {
                try settings.readConnectionLimits([name: value])
            } throws: { error in
                let sentence = (error as? RequestError)?.sentence ?? ""
                return sentence.hasPrefix(name + " must be") && sentence.count < 120
            }
        }
    }

    @Test func aStoreThatCannotWriteNowIsA503() throws {
        let problem = Problem.from(StoreError.unavailable("the disk of the SQLite database is full"))
        #expect(problem.status == .serviceUnavailable)
        #expect(problem.detail.contains("nothing was written"))
        #expect(Problem.from(StoreError.database("x")).status == .internalServerError)
        #expect(Problem.from(BodyError("the request body must be a JSON object.")).status == .badRequest)
    }
}
