/// A request body that cannot be read as its route asks: not JSON, not an object, an unknown option, an option of
/// the wrong type or out of its range. The server answers it as a 400 problem whose detail is the sentence.
///
/// It names no HTTP type, so the body-reading code in this folder builds without the server (the `body` fuzz target
/// compiles it on its own, scripts/fuzz.sh).
struct BodyError: Error, Sendable, Equatable {
    /// The sentence, ending with a full stop.
    var detail: String

    init(_ detail: String) { self.detail = detail }
}
