import AccordKit
import ArgumentParser

/// The value of `--shard k/n`: two whole numbers, read here; ``checked()`` (called by the command's `validate()`)
/// checks that 1 ≤ k ≤ n.
struct ShardOption: ExpressibleByArgument {
    private let text: String

    init?(argument: String) {
        let parts = argument.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, Int(parts[0]) != nil, Int(parts[1]) != nil else { return nil }
        text = argument
    }

    /// The slice, or a validation error with the sentence that says how to write one.
    func checked() throws -> Shard {
        do {
            return try Shard(parsing: text)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
