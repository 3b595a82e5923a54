/// Reed–Solomon error correction codewords over GF(256) (ISO/IEC 18004, 7.5.2), with the generator
/// polynomials (x − α⁰)(x − α¹)…(x − αⁿ⁻¹) precomputed for every degree a QR code uses.
enum ReedSolomon {
    /// `generatorLogs[n]`: log α of the n coefficients after the leading 1 of the degree-n generator,
    /// highest power first; empty for degrees no QR code uses.
    static let generatorLogs: [[UInt8]] = {
        var table = [[UInt8]](repeating: [], count: 31)
        for degree in Set(QRVersionTable.ecCodewordsPerBlock.joined()) where degree > 0 {
            table[degree] = generator(degree: degree).dropFirst().map { GaloisField.log[Int($0)] }
        }
        return table
    }()

    /// The generator's coefficients, highest power first (leading 1 included).
    static func generator(degree: Int) -> [UInt8] {
        var poly: [UInt8] = [1]
        for i in 0..<degree {
            // poly · (x − αⁱ); in GF(2⁸) minus is plus.
            let root = GaloisField.exp[i]
            var next = [UInt8](repeating: 0, count: poly.count + 1)
            for (j, c) in poly.enumerated() {
                next[j] ^= c
                next[j + 1] ^= GaloisField.multiply(c, root)
            }
            poly = next
        }
        return poly
    }

    /// The `count` error correction codewords of `data` (the remainder of data · xⁿ divided by the generator),
    /// written to `output` starting at `offset`.
    static func remainder(of data: ArraySlice<UInt8>, count: Int, into output: inout [UInt8], at offset: Int) {
        let gen = generatorLogs[count]
        precondition(gen.count == count, "no generator of degree \(count)")
        var rem = [UInt8](repeating: 0, count: count)
        let exp = GaloisField.exp, log = GaloisField.log
        rem.withUnsafeMutableBufferPointer { r in
            gen.withUnsafeBufferPointer { g in
                for byte in data {
                    let factor = byte ^ r[0]
                    for j in 0..<(count - 1) { r[j] = r[j + 1] }
                    r[count - 1] = 0
                    if factor != 0 {
                        let lf = Int(log[Int(factor)])
                        for j in 0..<count { r[j] ^= exp[lf + Int(g[j])] }
                    }
                }
            }
        }
        for j in 0..<count { output[offset + j] = rem[j] }
    }
}
