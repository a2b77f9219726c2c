// libFuzzer target: a tournament specification (agents, bundled scenarios, deadline, repetitions, …); scenario
// files it names are looked up in a folder that does not exist. Built and run by scripts/fuzz.sh.
import AccordFormats

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? TournamentLoader.parse(text, file: "fuzz.yaml", folder: "/nonexistent-accord-fuzz")
    return 0
}
