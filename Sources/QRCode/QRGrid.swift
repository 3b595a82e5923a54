/// The module grid while a symbol is built: a flat row-major `[UInt8]` (1 = dark) and which modules
/// belong to function patterns. Format and version areas and the dark module are reserved as light
/// until the mask is chosen (ISO/IEC 18004 orders format/version information after masking, 7.1).
struct QRGrid {
    let version: Int
    let size: Int
    var modules: [UInt8]
    /// 1 where a function pattern, a separator or reserved format/version information sits.
    var function: [UInt8]

    init(version: Int) {
        self.version = version
        size = QRVersionTable.size(version)
        modules = [UInt8](repeating: 0, count: size * size)
        function = [UInt8](repeating: 0, count: size * size)
        drawFunctionPatterns()
    }

    @inline(__always) private mutating func setFunction(_ row: Int, _ col: Int, _ dark: Bool) {
        modules[row * size + col] = dark ? 1 : 0
        function[row * size + col] = 1
    }

    private mutating func drawFunctionPatterns() {
        // Timing patterns (6.3.5): row 6 and column 6, dark on even positions.
        for i in 0..<size {
            setFunction(6, i, i % 2 == 0)
            setFunction(i, 6, i % 2 == 0)
        }
        // Finder patterns with their separators (6.3.3, 6.3.4).
        drawFinder(centreRow: 3, centreCol: 3)
        drawFinder(centreRow: 3, centreCol: size - 4)
        drawFinder(centreRow: size - 4, centreCol: 3)
        // Alignment patterns (6.3.6), except where a finder sits.
        let centres = QRVersionTable.alignmentCentres(version)
        let last = centres.count - 1
        for (i, r) in centres.enumerated() {
            for (j, c) in centres.enumerated() where !((i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0)) {
                for dr in -2...2 {
                    for dc in -2...2 { setFunction(r + dr, c + dc, max(abs(dr), abs(dc)) != 1) }
                }
            }
        }
        // Format information areas (7.9), and the dark module, reserved light for now.
        for i in 0..<9 where i != 6 {  // (8, 6) and (6, 8) are timing modules
            setFunction(8, i, false)
            setFunction(i, 8, false)
        }
        for i in 0..<8 {
            setFunction(8, size - 1 - i, false)
            setFunction(size - 1 - i, 8, false)
        }
        // Version information areas (7.10), versions 7 and up.
        if version >= 7 {
            for i in 0..<6 {
                for k in 0..<3 {
                    setFunction(i, size - 11 + k, false)
                    setFunction(size - 11 + k, i, false)
                }
            }
        }
    }

    private mutating func drawFinder(centreRow: Int, centreCol: Int) {
        for dr in -4...4 {
            for dc in -4...4 {
                let r = centreRow + dr, c = centreCol + dc
                guard r >= 0, r < size, c >= 0, c < size else { continue }
                let d = max(abs(dr), abs(dc))
                setFunction(r, c, d != 2 && d != 4)
            }
        }
    }

    /// Indices of the non-function modules in placement order (7.7.3): two-module columns from the
    /// right, alternately upwards and downwards, skipping the vertical timing pattern.
    func dataPositions() -> [Int32] {
        var positions: [Int32] = []
        positions.reserveCapacity(QRVersionTable.rawDataModules(version))
        function.withUnsafeBufferPointer { f in
            var right = size - 1
            var upward = true
            while right >= 1 {
                if right == 6 { right = 5 }
                for vert in 0..<size {
                    let row = upward ? size - 1 - vert : vert
                    for j in 0..<2 {
                        let index = row * size + right - j
                        if f[index] == 0 { positions.append(Int32(index)) }
                    }
                }
                upward.toggle()
                right -= 2
            }
        }
        return positions
    }

    /// Writes the format information for `level` and `mask`, the version information, and the dark module.
    mutating func drawFormatAndVersion(level: QRErrorCorrection, mask: Int) {
        let bits = QRVersionTable.formatInformation(level, mask: mask)
        func bit(_ i: Int) -> UInt8 { UInt8((bits >> i) & 1) }
        // Around the top-left finder: bits 0–7 down column 8 (skipping the timing row), 8–14 leftwards on row 8.
        for i in 0..<6 { modules[i * size + 8] = bit(i) }
        modules[7 * size + 8] = bit(6)
        modules[8 * size + 8] = bit(7)
        modules[8 * size + 7] = bit(8)
        for i in 9..<15 { modules[8 * size + 14 - i] = bit(i) }
        // The second copy: bits 0–7 on row 8 from the right edge, 8–14 up column 8 from the bottom.
        for i in 0..<8 { modules[8 * size + size - 1 - i] = bit(i) }
        for i in 8..<15 { modules[(size - 15 + i) * size + 8] = bit(i) }
        modules[(size - 8) * size + 8] = 1
        guard version >= 7 else { return }
        let info = QRVersionTable.versionInformation(version)
        for i in 0..<18 {
            let b = UInt8((info >> i) & 1)
            let a = size - 11 + i % 3, c = i / 3
            modules[c * size + a] = b
            modules[a * size + c] = b
        }
    }
}
