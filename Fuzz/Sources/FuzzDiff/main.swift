import FuzzSupport

/// libFuzzer's entry: one input is a file's two versions, `name\nOLD\n====\nNEW` (no marker: an added file).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDiff(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let (path, content) = FuzzInput.namedFile(FuzzInput.bytes(start, count))
    let (old, new) = FuzzInput.split(content, at: DiffTarget.marker)
    DiffTarget.run(path: path, old: old, new: new)
    return 0
}
