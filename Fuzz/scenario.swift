// libFuzzer target: an Accord YAML/JSON scenario document (with its forecast and protocol sections).
// Built and run by scripts/fuzz.sh; not part of the package.
import AccordFormats

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? ScenarioLoader.parseDocument(text, file: "fuzz.yaml")
    return 0
}
