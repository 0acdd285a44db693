import FuzzSupport

/// libFuzzer's entry: one input is a file (`name\ncontent`) whose every line is added.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRules(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let (path, content) = FuzzInput.namedFile(FuzzInput.bytes(start, count))
    RuleTarget.run(path: path, content: content)
    return 0
}
