// libFuzzer target: a GeniusWeb JSON document, read as a profile (its domain embedded or the fixed one) and as a
// domain (with a fixed profile). Built and run by scripts/fuzz.sh; not part of the package.
import AccordFormats

private let domain = GeniusWebDocument(
    file: "domain.json",
    text: #"{"name":"d","issuesValues":{"price":{"values":["low","high"]},"days":{"values":["1","2","3"]}}}"#)

private let profile = GeniusWebDocument(
    file: "profile.json",
    text: #"""
        {"LinearAdditiveUtilitySpace":{"issueUtilities":{
        "price":{"DiscreteValueSetUtilities":{"valueUtilities":{"low":1,"high":0}}},
        "days":{"DiscreteValueSetUtilities":{"valueUtilities":{"1":0,"2":0.5,"3":1}}}},
        "issueWeights":{"price":0.7,"days":0.3},"domain":{"name":"d","issuesValues":{
        "price":{"values":["low","high"]},"days":{"values":["1","2","3"]}}},"name":"p","reservationBid":null}}
        """#)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let document = GeniusWebDocument(file: "fuzz.json", bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    _ = try? GeniusWebImporter.scenario(domain: nil, profiles: [document])
    _ = try? GeniusWebImporter.scenario(domain: domain, profiles: [document, profile])
    _ = try? GeniusWebImporter.scenario(domain: document, profiles: [profile])
    return 0
}
