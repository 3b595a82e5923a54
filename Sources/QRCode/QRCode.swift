/// A QR code encoder (ISO/IEC 18004:2015, model 2): one segment in numeric, alphanumeric or byte mode,
/// versions 1–40, error correction L/M/Q/H, the mask chosen by the penalty rules.
///
/// ```swift
/// let symbol = try QRCode.encode("https://xumm.app/sign/6a1b…", level: .medium)
/// symbol.size        // 33
/// symbol[0, 0]       // true: the finder's corner is dark
/// ```
public enum QRCode {
    /// Encodes `text` (its UTF-8 bytes, no ECI header).
    ///
    /// - Parameters:
    ///   - level: error correction level.
    ///   - version: force a version (1…40); by default the smallest that holds the text.
    ///   - mask: force a mask (0…7); by default the one with the lowest penalty.
    ///   - mode: force a mode; by default the densest one the whole text allows (a deep link with lower-case
    ///     letters is byte mode; an all-caps one fits alphanumeric).
    /// - Throws: `QREncodingError` when the text is too long, does not fit the version asked for, or the
    ///   version, mask or mode is invalid for it.
    public static func encode(_ text: String, level: QRErrorCorrection = .medium, version: Int? = nil,
                              mask: Int? = nil, mode: QRMode? = nil) throws -> QRSymbol {
        try encode(bytes: Array(text.utf8), level: level, version: version, mask: mask, mode: mode)
    }

    /// Encodes raw bytes; see `encode(_:level:version:mask:mode:)`.
    public static func encode(bytes: [UInt8], level: QRErrorCorrection = .medium, version: Int? = nil,
                              mask: Int? = nil, mode: QRMode? = nil) throws -> QRSymbol {
        if let version, !(1...40).contains(version) { throw QREncodingError.invalidVersion(version) }
        if let mask, !(0...7).contains(mask) { throw QREncodingError.invalidMask(mask) }
        let mode = mode ?? QRMode.densest(for: bytes)
        guard mode.canEncode(bytes) else { throw QREncodingError.unsupportedCharacters(mode: mode) }

        let chosen = try chooseVersion(count: bytes.count, mode: mode, level: level, forced: version)
        let data = dataCodewords(bytes, mode: mode, version: chosen, level: level)
        let codewords = interleave(data, version: chosen, level: level)

        var grid = QRGrid(version: chosen)
        let positions = grid.dataPositions()
        place(codewords, in: &grid.modules, positions: positions)

        let best: Int
        if let mask {
            best = mask
        } else {
            var bestScore = Int.max, bestMask = 0
            var trial = grid.modules
            for m in 0..<8 {
                trial.withUnsafeMutableBufferPointer { t in
                    grid.modules.withUnsafeBufferPointer { g in t.baseAddress!.update(from: g.baseAddress!, count: g.count) }
                }
                QRMask.apply(m, to: &trial, positions: positions, size: grid.size)
                let score = QRPenalty.score(trial, size: grid.size)
                if score < bestScore { bestScore = score; bestMask = m }
            }
            best = bestMask
        }
        QRMask.apply(best, to: &grid.modules, positions: positions, size: grid.size)
        grid.drawFormatAndVersion(level: level, mask: best)
        return QRSymbol(version: chosen, errorCorrection: level, mode: mode, mask: best, modules: grid.modules)
    }

    /// Bits of the one segment in `version`: mode indicator, character count, data.
    static func segmentBits(count: Int, mode: QRMode, version: Int) -> Int {
        4 + mode.countBits(version: version) + mode.dataBits(count: count)
    }

    /// The smallest version ≥ 1 (or exactly `forced`) whose data capacity holds the segment.
    static func chooseVersion(count: Int, mode: QRMode, level: QRErrorCorrection, forced: Int?) throws -> Int {
        func fits(_ v: Int) -> Bool {
            count < 1 << mode.countBits(version: v)
                && segmentBits(count: count, mode: mode, version: v) <= QRVersionTable.dataCodewords(v, level) * 8
        }
        if let forced {
            guard fits(forced) else {
                throw QREncodingError.doesNotFitVersion(version: forced, level: level,
                                                        neededBits: segmentBits(count: count, mode: mode, version: forced),
                                                        availableBits: QRVersionTable.dataCodewords(forced, level) * 8)
            }
            return forced
        }
        for v in 1...40 where fits(v) { return v }
        let capacity = QRVersionTable.dataCodewords(40, level) * 8 - 4 - mode.countBits(version: 40)
        var maximum = 0
        while mode.dataBits(count: maximum + 1) <= capacity { maximum += 1 }
        throw QREncodingError.textTooLong(characters: count, mode: mode, level: level, maximumCharacters: maximum)
    }

    /// The data codewords (7.4): segment, terminator, zero bits to the byte boundary, pad codewords 0xEC 0x11.
    static func dataCodewords(_ bytes: [UInt8], mode: QRMode, version: Int, level: QRErrorCorrection) -> [UInt8] {
        let capacity = QRVersionTable.dataCodewords(version, level)
        var buffer = QRBitBuffer(capacityBytes: capacity)
        buffer.append(mode.indicator, bits: 4)
        buffer.append(UInt32(bytes.count), bits: mode.countBits(version: version))
        mode.appendData(bytes, to: &buffer)
        buffer.append(0, bits: min(4, capacity * 8 - buffer.count))
        if buffer.count % 8 != 0 { buffer.append(0, bits: 8 - buffer.count % 8) }
        var pad: UInt8 = 0xEC
        while buffer.count < capacity * 8 {
            buffer.appendByte(pad)
            pad ^= 0xEC ^ 0x11
        }
        return buffer.bytes
    }

    /// Splits the data into blocks, adds each block's error correction codewords, and interleaves them (7.6).
    static func interleave(_ data: [UInt8], version: Int, level: QRErrorCorrection) -> [UInt8] {
        let blocks = QRVersionTable.blockCount[level.tableIndex][version]
        let ecLength = QRVersionTable.ecCodewordsPerBlock[level.tableIndex][version]
        let total = QRVersionTable.totalCodewords(version)
        let shortBlocks = blocks - total % blocks
        let shortData = total / blocks - ecLength

        var ec = [UInt8](repeating: 0, count: blocks * ecLength)
        var starts = [Int](repeating: 0, count: blocks + 1)
        for b in 0..<blocks {
            starts[b + 1] = starts[b] + shortData + (b < shortBlocks ? 0 : 1)
            ReedSolomon.remainder(of: data[starts[b]..<starts[b + 1]], count: ecLength, into: &ec, at: b * ecLength)
        }

        var out = [UInt8]()
        out.reserveCapacity(total)
        for i in 0...shortData {
            for b in 0..<blocks where i < starts[b + 1] - starts[b] { out.append(data[starts[b] + i]) }
        }
        for i in 0..<ecLength {
            for b in 0..<blocks { out.append(ec[b * ecLength + i]) }
        }
        return out
    }

    /// Writes the codewords' bits, most significant first, into the data modules; the remainder bits stay light.
    static func place(_ codewords: [UInt8], in modules: inout [UInt8], positions: [Int32]) {
        modules.withUnsafeMutableBufferPointer { m in
            positions.withUnsafeBufferPointer { p in
                var k = 0
                for byte in codewords {
                    for bit in stride(from: 7, through: 0, by: -1) {
                        m[Int(p[k])] = (byte >> UInt8(bit)) & 1
                        k += 1
                    }
                }
            }
        }
    }
}
