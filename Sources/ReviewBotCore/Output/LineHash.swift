/// GitHub code scanning's `primaryLocationLineHash`: the hash the `upload-sarif` action computes for a line
/// when a SARIF result comes without one, so that alerts follow code that moves.
///
/// The hash of a line is a rolling polynomial hash (base 37, wrapping 64-bit arithmetic) over the next
/// 100 UTF-16 code units of the file starting at the line's first character, with spaces and tabs left
/// out and `\r\n` and `\r` read as `\n`; the end of the file counts as the code unit 0xFFFF, followed by
/// zeros. Equal hashes within a file are told apart by a counter: `"<hex>:<n>"`. Computing it the same
/// way here means GitHub matches our results across runs exactly as it matches its own.
public enum LineHash {
    private static let windowSize = 100
    private static let base: UInt64 = 37
    private static let endOfFile: UInt64 = 0xFFFF

    /// `base` to the power of the window size, to take the code unit leaving the window out of the hash.
    private static let leavingFactor: UInt64 = (0..<windowSize).reduce(1) { power, _ in power &* base }

    /// The hash of every line of `text`; element 0 is line 1. A text that ends with a line break has one
    /// more (empty) line, as GitHub counts it.
    public static func hashes(of text: String) -> [String] {
        var state = State()
        for unit in text.utf16 { state.read(UInt64(unit)) }
        state.read(endOfFile)
        for _ in 0..<windowSize {
            state.emitIfLineStarts()
            state.push(0)
        }
        return state.hashes
    }

    private struct State {
        var window = [UInt64](repeating: 0, count: LineHash.windowSize)
        /// The line that starts at each window slot, or 0.
        var lineAt = [Int](repeating: 0, count: LineHash.windowSize)
        var hash: UInt64 = 0
        var slot = 0
        var line = 0
        var atLineStart = true
        var afterCarriageReturn = false
        var seen: [UInt64: Int] = [:]
        var hashes: [String] = []

        mutating func read(_ unit: UInt64) {
            let space: UInt64 = 0x20
            let tab: UInt64 = 0x09
            let lineFeed: UInt64 = 0x0A
            let carriageReturn: UInt64 = 0x0D
            if unit == space || unit == tab || (afterCarriageReturn && unit == lineFeed) {
                afterCarriageReturn = false
                return
            }
            afterCarriageReturn = unit == carriageReturn
            let normalised = afterCarriageReturn ? lineFeed : unit
            emitIfLineStarts()
            if atLineStart {
                atLineStart = false
                line += 1
                lineAt[slot] = line
            }
            if normalised == lineFeed { atLineStart = true }
            push(normalised)
        }

        /// A full window has passed since the line at this slot began: its hash is complete.
        mutating func emitIfLineStarts() {
            guard lineAt[slot] != 0 else { return }
            let count = seen[hash, default: 0] + 1
            seen[hash] = count
            hashes.append(String(hash, radix: 16) + ":" + String(count))
            lineAt[slot] = 0
        }

        mutating func push(_ unit: UInt64) {
            let leaving = window[slot]
            window[slot] = unit
            hash = LineHash.base &* hash &+ unit &- LineHash.leavingFactor &* leaving
            slot = (slot + 1) % LineHash.windowSize
        }
    }
}
