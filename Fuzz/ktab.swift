// libFuzzer target: a KTAB CSV scenario for the spatial model of politics.
// Built and run by scripts/fuzz.sh; not part of the package.
import AccordFormats

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? KTABCSVReader.parse(text, file: "fuzz.csv")
    return 0
}
