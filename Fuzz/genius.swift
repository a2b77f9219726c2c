// libFuzzer target: a GENIUS XML document, read both as a domain (with a fixed profile) and as a profile (of a
// fixed domain). Built and run by scripts/fuzz.sh; not part of the package.
import AccordFormats

private let domain = GeniusDocument(
    file: "domain.xml",
    text: """
        <negotiation_template><utility_space><objective index="0" name="root" type="objective">
        <issue index="1" name="price" type="discrete" etype="discrete" vtype="discrete">
        <item index="1" value="low"/><item index="2" value="high"/></issue>
        <issue index="2" name="days" type="integer" lowerbound="0" upperbound="4"/>
        </objective></utility_space></negotiation_template>
        """)

private let profile = GeniusDocument(
    file: "profile.xml",
    text: """
        <utility_space><objective index="0" name="root" type="objective">
        <issue index="1" name="price" type="discrete" etype="discrete" vtype="discrete">
        <item index="1" value="low" evaluation="1"/><item index="2" value="high" evaluation="3"/></issue>
        <issue index="2" name="days" type="integer" lowerbound="0" upperbound="4">
        <evaluator ftype="linear" slope="0.25" offset="0"/></issue>
        <weight index="1" value="0.6"/><weight index="2" value="0.4"/></objective>
        <reservation value="0.3"/><discount_factor value="0.9"/></utility_space>
        """)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let document = GeniusDocument(file: "fuzz.xml", bytes: bytes)
    _ = try? GeniusImporter.scenario(domain: document, profiles: [profile])
    _ = try? GeniusImporter.scenario(domain: domain, profiles: [document, profile])
    return 0
}
