/// Formats a number with a fixed count of decimals (no Foundation needed), e.g. `fixed(0.12345, 3) == "0.123"`.
///
/// Total: NaN and infinities print as `nan`, `inf` and `-inf`, and a number too large to write with `decimals`
/// digits in an `Int` (from 10^15 on, or for more than 15 decimals) in Swift's shortest form, such as `1e+308`.
package func fixed(_ value: Double, _ decimals: Int = 3) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
    var scale = 1.0
    for _ in 0..<max(0, decimals) { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    guard scaled < 1e18, abs(value) < 1e15 else { return "\(value)" }
    let negative = value < 0 && scaled > 0
    let whole = Int(scaled / scale)
    var text = (negative ? "-" : "") + String(whole)
    if decimals > 0 {
        let fraction = String(Int(scaled - Double(whole) * scale))
        text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
    return text
}
