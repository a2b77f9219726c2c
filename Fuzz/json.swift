// libFuzzer target: the JSON parser behind the HTTP API's request bodies (RequestOptions reads its members) and
// the writer that echoes values back. Built and run by scripts/fuzz.sh; not part of the package.
import AccordFormats

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let value = try? JSONValue(parsing: bytes) else { return 0 }
    _ = value.serialized()
    return 0
}
