/// Arithmetic in GF(256) with the QR code's primitive polynomial x⁸ + x⁴ + x³ + x² + 1 (0x11D), as tables.
enum GaloisField {
    /// `exp[i]` = αⁱ, doubled to 512 entries so that `exp[log a + log b]` needs no reduction.
    static let exp: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 512)
        var x = 1
        for i in 0..<255 {
            table[i] = UInt8(x)
            x <<= 1
            if x & 0x100 != 0 { x ^= 0x11D }
        }
        for i in 255..<512 { table[i] = table[i - 255] }
        return table
    }()

    /// `log[a]` for a ≠ 0 (`log[0]` is unused).
    static let log: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for i in 0..<255 { table[Int(exp[i])] = UInt8(i) }
        return table
    }()

    /// a · b.
    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        guard a != 0, b != 0 else { return 0 }
        return exp[Int(log[Int(a)]) + Int(log[Int(b)])]
    }
}
