import FuzzSupport

/// libFuzzer's entry: one input is a `.reviewbot.yml`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    ConfigTarget.run(FuzzInput.bytes(start, count))
    return 0
}
