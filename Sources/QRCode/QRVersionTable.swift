/// Per-version facts of ISO/IEC 18004: sizes, block structure (Table 9) and alignment pattern centres (Annex E).
enum QRVersionTable {
    /// Error correction codewords per block, `[level.tableIndex][version]` (index 0 unused).
    static let ecCodewordsPerBlock: [[Int]] = [
        [0, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
        [0, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [0, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
    ]

    /// Number of error correction blocks, `[level.tableIndex][version]` (index 0 unused).
    static let blockCount: [[Int]] = [
        [0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
        [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
        [0, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
        [0, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],
    ]

    /// Modules per side: 17 + 4·version.
    static func size(_ version: Int) -> Int { 17 + 4 * version }

    /// Modules left for data and error correction once the function patterns and format/version
    /// information are placed (codewords · 8 + remainder bits).
    static func rawDataModules(_ version: Int) -> Int {
        var result = (16 * version + 128) * version + 64
        if version >= 2 {
            let align = version / 7 + 2
            result -= (25 * align - 10) * align - 55
            if version >= 7 { result -= 36 }
        }
        return result
    }

    /// All codewords (data and error correction).
    static func totalCodewords(_ version: Int) -> Int { rawDataModules(version) / 8 }

    /// Data codewords for `version` at `level`.
    static func dataCodewords(_ version: Int, _ level: QRErrorCorrection) -> Int {
        let l = level.tableIndex
        return totalCodewords(version) - ecCodewordsPerBlock[l][version] * blockCount[l][version]
    }

    /// Centre rows/columns of the alignment patterns (Annex E); empty for version 1.
    static func alignmentCentres(_ version: Int) -> [Int] {
        guard version >= 2 else { return [] }
        let count = version / 7 + 2
        let step = version == 32 ? 26 : (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2
        var result = [Int](repeating: 6, count: count)
        var pos = size(version) - 7
        for i in stride(from: count - 1, through: 1, by: -1) {
            result[i] = pos
            pos -= step
        }
        return result
    }

    /// The 18-bit version information (7.10): 6 bits of version, 12 of BCH(18,6) with generator 0x1F25.
    static func versionInformation(_ version: Int) -> Int {
        var rem = version
        for _ in 0..<12 { rem = (rem << 1) ^ ((rem >> 11) * 0x1F25) }
        return version << 12 | rem
    }

    /// The 15-bit format information (7.9): level and mask, BCH(15,5) with generator 0x537, XOR 0x5412.
    static func formatInformation(_ level: QRErrorCorrection, mask: Int) -> Int {
        let data = level.formatBits << 3 | mask
        var rem = data
        for _ in 0..<10 { rem = (rem << 1) ^ ((rem >> 9) * 0x537) }
        return (data << 10 | rem) ^ 0x5412
    }
}
