import FuzzSupport

/// libFuzzer's entry: one input is a model's answer (its text, or the provider's whole response body).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnswer(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    AnswerTarget.run(FuzzInput.bytes(start, count))
    return 0
}
