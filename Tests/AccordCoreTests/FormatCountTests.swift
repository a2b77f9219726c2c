import AccordCore
import Testing

/// `formatCount` is total: every Double, however far out of `Int`'s range, prints without a trap (#15).
@Suite struct FormatCountTests {
    @Test(arguments: [
        (0.0, "0"), (1_234_567, "1,234,567"), (-1_000, "-1,000"), (1e20, "about 10^20"), (-9.3e18, "about -10^18"),
        (-1e308, "about -10^308"), (.infinity, "more than 10^308"), (-.infinity, "less than -10^308"),
        (.nan, "not a number"),
    ])
    func everyNumberPrints(value: Double, text: String) {
        #expect(formatCount(value) == text)
    }
}
