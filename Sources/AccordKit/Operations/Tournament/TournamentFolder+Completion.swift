import Foundation

extension TournamentFolder {
    /// Whether the folder holds the complete results of the slice that `facts` describe: the same tournament and
    /// shard, a record of each of the slice's negotiations and the result files (the summary is written last).
    func isComplete(for facts: TournamentFacts, slice: [Tournament.Negotiation]) -> Bool {
        guard FileManager.default.fileExists(atPath: path + "/summary.txt"),
            let existing = try? TournamentFacts.read(path: factsPath),
            existing.fingerprint == facts.fingerprint, existing.shard == facts.shard
        else { return false }
        // `records(of:)` is nil when a negotiation of the slice has no record; `try?` folds a thrown error into nil.
        return (try? records(of: slice)) != nil
    }
}
