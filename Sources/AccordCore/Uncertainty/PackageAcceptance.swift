/// How likely each party is to accept one package, and every party at once, when preferences are known only
/// roughly: the Monte Carlo acceptance of ``Scenario/acceptance(of:samples:seed:progress:)``.
public struct PackageAcceptance: Sendable, Hashable {
    /// The package judged.
    public var outcome: Outcome
    /// The number of draws.
    public var samples: Int
    /// The seed of the draws.
    public var seed: UInt64
    /// Per party, the probability that it accepts (utility ≥ reservation − ε, no red line crossed).
    public var parties: [Probability]
    /// The probability that every party accepts in the same draw.
    public var all: Probability
    /// Per party, whether any of its numbers is uncertain; a certain party's probability is 0 or 1.
    public var isUncertain: [Bool]
}

extension Scenario {
    /// Monte Carlo acceptance of one package: draws every party's uncertain numbers `samples` times and counts how
    /// often each party, and every party at once, accepts `outcome`.
    ///
    /// The draws are those of ``acceptance(options:progress:)`` (chunks of ``AcceptanceOptions/chunkSize`` draws,
    /// each from its own stream of the seed, the uncertain parties drawn in order), so a proposal's probabilities
    /// here equal those of the analysis with the same samples and seed.
    ///
    /// - Parameter progress: told after each chunk of draws; when it asks to stop, the evaluation throws
    ///   ``AnalysisError/cancelled``.
    /// - Throws: ``AnalysisError/invalidSampleCount(_:limit:)`` for a sample count outside 1…10,000,000.
    /// - Complexity: O(samples × parties × issues): one evaluation of the package per party and draw.
    public func acceptance(
        of outcome: Outcome, samples: Int, seed: UInt64, progress: AcceptanceProgress = AcceptanceProgress()
    ) throws(AnalysisError) -> PackageAcceptance {
        guard samples >= 1, samples <= AcceptanceOptions.maximumSamples else {
            throw .invalidSampleCount(samples, limit: AcceptanceOptions.maximumSamples)
        }
        let isUncertain = parties.map { !($0.uncertainty?.isEmpty ?? true) }
        let uncertain = parties.indices.filter { isUncertain[$0] }
        var accepted = [Int](repeating: 0, count: parties.count)
        var acceptedByAll = 0
        var drawn = parties
        var done = 0
        var chunk: UInt64 = 0
        while done < samples {
            var generator = SeededGenerator(seed: seed, stream: chunk)
            chunk += 1
            let count = min(AcceptanceOptions.chunkSize, samples - done)
            for _ in 0..<count {
                for p in uncertain { drawn[p] = parties[p].sampled(using: &generator) }
                var everyone = true
                for (p, party) in drawn.enumerated() {
                    if party.accepts(outcome, in: space) { accepted[p] += 1 } else { everyone = false }
                }
                if everyone { acceptedByAll += 1 }
            }
            done += count
            progress.report(done, samples)
            if progress.isCancelled() { throw .cancelled }
        }
        return PackageAcceptance(
            outcome: outcome, samples: samples, seed: seed,
            parties: accepted.map { Probability(successes: $0, trials: samples) },
            all: Probability(successes: acceptedByAll, trials: samples), isUncertain: isUncertain)
    }
}
