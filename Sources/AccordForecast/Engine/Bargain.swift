/// A proposed bargain between two actors: the position each would adopt. A status-quo bargain has the same actor as
/// initiator and receiver and changes nothing.
package struct Bargain: Sendable, Hashable {
    /// The actor who proposed it.
    package var initiator: Int
    /// The actor it was proposed to.
    package var receiver: Int
    /// The position the initiator would adopt, on 0–1.
    package var initiatorPosition: [Double]
    /// The position the receiver would adopt, on 0–1.
    package var receiverPosition: [Double]

    /// Whether this is an actor's status quo.
    package var isStatusQuo: Bool { initiator == receiver }

    /// Actor k's status quo.
    package static func statusQuo(of k: Int, at position: [Double]) -> Bargain {
        Bargain(initiator: k, receiver: k, initiatorPosition: position, receiverPosition: position)
    }
}

extension BargainInterpolation {
    /// The bargain between initiator i (at `ti`, saliences `si`, believed win probability `pi`) and receiver j,
    /// interpolated dimension by dimension (KTAB `SMPActor::interpolateBrgn`).
    ///
    /// With S1P1 and S2P2 each side is pulled towards the other in proportion to the other's weight
    /// (salience · probability, or its square), a 10⁻⁶ weight breaking the 0/0 case in favour of each side's own
    /// position, and the result is rounded to 4 decimals (0.01 on the 0–100 scale), as KTAB does.
    package func bargain(
        initiator i: Int, at ti: [Double], saliences si: [Double], probability pi: Double,
        receiver j: Int, at tj: [Double], saliences sj: [Double], probability pj: Double
    ) -> Bargain {
        var bi = ti
        var bj = tj
        for k in ti.indices {
            switch self {
            case .s1p1:
                (bi[k], bj[k]) = Self.powerWeighted(ti[k], si[k] * pi, tj[k], sj[k] * pj)
            case .s2p2:
                (bi[k], bj[k]) = Self.powerWeighted(
                    ti[k], (si[k] * si[k]) * (pi * pi), tj[k], (sj[k] * sj[k]) * (pj * pj))
            case .s2pMax:
                let di = pj > pi ? pj - pi : 0
                let dj = pi > pj ? pi - pj : 0
                let si2 = si[k] * si[k]
                let sj2 = sj[k] * sj[k]
                let dik = (di * sj2) / ((di * sj2) + 1e-6 + ((1 - di) * si2))
                let djk = (dj * si2) / ((dj * si2) + 1e-6 + ((1 - dj) * sj2))
                bi[k] = ti[k] + dik * (tj[k] - ti[k])
                bj[k] = tj[k] + djk * (ti[k] - tj[k])
            }
        }
        return Bargain(initiator: i, receiver: j, initiatorPosition: bi, receiverPosition: bj)
    }

    /// KTAB `SMPActor::interpBrgnSnPm` for weights already raised to their powers.
    private static func powerWeighted(_ ti: Double, _ wi: Double, _ tj: Double, _ wj: Double) -> (Double, Double) {
        let minimumWeight = 1e-6
        let bi = roundedTo4Decimals(((wi + minimumWeight) * ti + wj * tj) / (wi + minimumWeight + wj))
        let bj = roundedTo4Decimals((wi * ti + (minimumWeight + wj) * tj) / (wi + minimumWeight + wj))
        return (bi, bj)
    }

    /// Rounds half up to 4 decimals the way KTAB does, truncating `0.5 + 10⁴x` to an integer.
    private static func roundedTo4Decimals(_ x: Double) -> Double {
        guard x.isFinite else { return x }
        return Double(Int(0.5 + x * 10_000)) / 10_000
    }
}
