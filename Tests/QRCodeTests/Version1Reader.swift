import QRCode

/// Reads the 26 codewords back out of a version 1 symbol (undoing its mask), independently of the encoder:
/// version 1 has no alignment or version pattern, so every module outside the finders, separators,
/// format areas and timing patterns carries data, placed in the standard's two-column zigzag.
enum Version1Reader {
    static func codewords(of s: QRSymbol) -> [UInt8] {
        precondition(s.version == 1)
        let n = 21
        func isFunction(_ r: Int, _ c: Int) -> Bool {
            if r == 6 || c == 6 { return true }
            if r <= 8 && c <= 8 { return true }
            if r <= 8 && c >= n - 8 { return true }
            if r >= n - 8 && c <= 8 { return true }
            return false
        }
        func masked(_ r: Int, _ c: Int) -> Bool {
            switch s.mask {
            case 0: return (r + c) % 2 == 0
            case 1: return r % 2 == 0
            case 2: return c % 3 == 0
            case 3: return (r + c) % 3 == 0
            case 4: return (r / 2 + c / 3) % 2 == 0
            case 5: return (r * c) % 2 + (r * c) % 3 == 0
            case 6: return ((r * c) % 2 + (r * c) % 3) % 2 == 0
            default: return ((r + c) % 2 + (r * c) % 3) % 2 == 0
            }
        }
        var bits: [Bool] = []
        var col = n - 1
        var upward = true
        while col > 0 {
            if col == 6 { col -= 1 }
            for step in 0..<n {
                let r = upward ? n - 1 - step : step
                for c in [col, col - 1] where !isFunction(r, c) { bits.append(s[r, c] != masked(r, c)) }
            }
            upward.toggle()
            col -= 2
        }
        return stride(from: 0, to: 26 * 8, by: 8).map { start in
            (0..<8).reduce(UInt8(0)) { $0 << 1 | (bits[start + $1] ? 1 : 0) }
        }
    }
}
