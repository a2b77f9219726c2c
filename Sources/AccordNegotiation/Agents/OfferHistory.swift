import AccordCore

/// The offers the other parties made, measured in the agent's own utility: what the ANAC champions read their
/// opponents by (count, mean and variance, the first and the best offer).
///
/// With more than two parties the offers of every other party form one stream (Accord's generalisation of the
/// bilateral champions: the table as one opponent).
struct OfferHistory: Sendable {
    /// How many offers were received.
    private(set) var count = 0
    private var sum = 0.0
    private var sumOfSquares = 0.0
    /// The first offer received (-1 before any).
    private(set) var first = -1
    /// The agent's utility of the first offer.
    private(set) var firstUtility = 0.0
    /// The best offer received for the agent (-1 before any; ties: the earlier).
    private(set) var best = -1
    /// The agent's utility of the best offer received (−∞ before any).
    private(set) var bestUtility = -Double.infinity

    /// Records an offer of the given utility to the agent.
    mutating func note(_ outcome: Int, utility: Double) {
        if count == 0 {
            first = outcome
            firstUtility = utility
        }
        count += 1
        sum += utility
        sumOfSquares += utility * utility
        if utility > bestUtility {
            bestUtility = utility
            best = outcome
        }
    }

    /// Whether no offer was received yet.
    var isEmpty: Bool { count == 0 }

    /// The mean utility of the offers received (0 before any).
    var mean: Double { count == 0 ? 0 : sum / Double(count) }

    /// The population variance of the utilities of the offers received (0 before two).
    var variance: Double {
        guard count > 1 else { return 0 }
        let mean = self.mean
        return max(0, sumOfSquares / Double(count) - mean * mean)
    }

    /// How far the opponents have come toward the agent's best utility `best`, in [0, 1]: (best offer − first
    /// offer) / (`best` − first offer); 0 before any offer, 1 when the first offer was already the best.
    func concessionDegree(toward best: Double) -> Double {
        guard count > 0 else { return 0 }
        let room = best - firstUtility
        guard room > 1e-12 else { return 1 }
        return min(1, max(0, (bestUtility - firstUtility) / room))
    }
}
