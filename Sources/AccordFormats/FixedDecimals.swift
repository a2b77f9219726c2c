/// Formats a number with a fixed count of decimals (no Foundation needed), e.g. `fixed(0.12345, 3) == "0.123"`.
package func fixed(_ value: Double, _ decimals: Int = 3) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    let negative = value < 0 && scaled > 0
    let whole = Int(scaled / scale)
    var text = (negative ? "-" : "") + String(whole)
    if decimals > 0 {
        let fraction = String(Int(scaled - Double(whole) * scale))
        text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
    return text
}
