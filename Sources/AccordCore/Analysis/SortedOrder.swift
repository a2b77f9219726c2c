/// The order that sorts an array of doubles, by radix sort: the meet-in-the-middle count ranks a million partial
/// outcomes' utilities per party, where a comparison sort costs several times more.
enum SortedOrder {
    /// The indices of `values` in ascending order of value (equal values in index order; −0 just before +0).
    ///
    /// - Complexity: O(n) in four passes of 16 bits over the values' order-preserving bit patterns; below a few
    ///   thousand values, a comparison sort.
    static func ascending(_ values: [Double]) -> [Int] {
        let n = values.count
        guard n > 4_096 else {
            return values.indices.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
        }
        // IEEE 754 doubles order as integers once negatives are inverted and positives have the sign bit set.
        var keys = values.map { v -> UInt64 in
            let bits = v.bitPattern
            return bits >> 63 == 1 ? ~bits : bits | (1 << 63)
        }
        var order = [Int32](unsafeUninitializedCapacity: n) { buffer, count in
            for i in 0..<n { buffer[i] = Int32(i) }
            count = n
        }
        var nextKeys = [UInt64](repeating: 0, count: n)
        var nextOrder = [Int32](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: 1 << 16)
        for shift in stride(from: 0, to: 64, by: 16) {
            keys.withUnsafeBufferPointer { keys in
                order.withUnsafeBufferPointer { order in
                    nextKeys.withUnsafeMutableBufferPointer { nextKeys in
                        nextOrder.withUnsafeMutableBufferPointer { nextOrder in
                            counts.withUnsafeMutableBufferPointer { counts in
                                for b in 0..<counts.count { counts[b] = 0 }
                                for key in keys { counts[Int((key >> UInt64(shift)) & 0xFFFF)] += 1 }
                                var start = 0
                                for b in 0..<counts.count {
                                    let c = counts[b]
                                    counts[b] = start
                                    start += c
                                }
                                for i in 0..<n {
                                    let digit = Int((keys[i] >> UInt64(shift)) & 0xFFFF)
                                    nextKeys[counts[digit]] = keys[i]
                                    nextOrder[counts[digit]] = order[i]
                                    counts[digit] += 1
                                }
                            }
                        }
                    }
                }
            }
            swap(&keys, &nextKeys)
            swap(&order, &nextOrder)
        }
        return order.map { Int($0) }
    }
}
