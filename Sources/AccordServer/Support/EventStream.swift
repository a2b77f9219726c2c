import Hummingbird
import NIOCore
import ServiceLifecycle

/// Writes a server-sent event stream with a heartbeat: after each quiet interval a comment line (`: keep-alive`),
/// which clients ignore. An idle stream whose client went away would otherwise wait for its next event for ever,
/// holding its connection and its subscription; the heartbeat's write fails instead, and the stream ends.
enum EventStream {
    /// Writes each event's frame (`nil`: skipped) until the events end, the client goes away or the server stops.
    static func send<Event: Sendable>(
        _ events: AsyncStream<Event>, heartbeat: Duration, to writer: inout some ResponseBodyWriter,
        frame: @escaping @Sendable (Event) -> String?
    ) async throws {
        let (frames, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(1_000))
        let feeder = Task {
            for await event in events {
                if let text = frame(event) { continuation.yield(text) }
            }
            continuation.finish()
        }
        let beat = Task {
            while !Task.isCancelled {
                try await Task.sleep(for: heartbeat)
                continuation.yield(": keep-alive\n\n")
            }
        }
        defer {
            feeder.cancel()
            beat.cancel()
            continuation.finish()
        }
        for await text in frames.cancelOnGracefulShutdown() {
            try await writer.write(ByteBuffer(string: text))
        }
    }
}
