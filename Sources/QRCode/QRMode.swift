/// How the text's characters become bits (ISO/IEC 18004, 7.4). One segment per symbol.
public enum QRMode: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Digits only, 3 per 10 bits.
    case numeric
    /// `0-9 A-Z space $ % * + - . / :`, 2 per 11 bits.
    case alphanumeric
    /// Any bytes (the text's UTF-8), 8 bits each.
    case byte

    /// The 4-bit mode indicator (Table 2).
    var indicator: UInt32 {
        switch self {
        case .numeric: 0b0001
        case .alphanumeric: 0b0010
        case .byte: 0b0100
        }
    }

    /// Bits of the character count indicator in `version` (Table 3).
    func countBits(version: Int) -> Int {
        let band = version <= 9 ? 0 : version <= 26 ? 1 : 2
        switch self {
        case .numeric: return [10, 12, 14][band]
        case .alphanumeric: return [9, 11, 13][band]
        case .byte: return [8, 16, 16][band]
        }
    }

    /// Bits the characters themselves take (without mode and count indicators).
    func dataBits(count: Int) -> Int {
        switch self {
        case .numeric: return count / 3 * 10 + [0, 4, 7][count % 3]
        case .alphanumeric: return count / 2 * 11 + (count % 2) * 6
        case .byte: return count * 8
        }
    }

    /// Whether every byte can be written in this mode.
    func canEncode(_ bytes: [UInt8]) -> Bool {
        switch self {
        case .numeric: return bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        case .alphanumeric: return bytes.allSatisfy { Int($0) < 128 && QRMode.alphanumericValue[Int($0)] >= 0 }
        case .byte: return true
        }
    }

    /// The densest mode that can write every byte. For one segment a denser mode never needs more bits
    /// (its count indicator is at most one bit longer and each character costs at least 2.5 bits less),
    /// so it never makes a larger symbol.
    static func densest(for bytes: [UInt8]) -> QRMode {
        if !bytes.isEmpty, QRMode.numeric.canEncode(bytes) { return .numeric }
        if QRMode.alphanumeric.canEncode(bytes) { return .alphanumeric }
        return .byte
    }

    /// ASCII code → alphanumeric value 0…44, or -1 (Table 5).
    static let alphanumericValue: [Int8] = {
        var table = [Int8](repeating: -1, count: 128)
        for (i, c) in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8.enumerated() { table[Int(c)] = Int8(i) }
        return table
    }()

    /// Appends the characters' bits.
    func appendData(_ bytes: [UInt8], to buffer: inout QRBitBuffer) {
        switch self {
        case .numeric:
            var i = 0
            while i < bytes.count {
                let n = min(3, bytes.count - i)
                var value: UInt32 = 0
                for k in 0..<n { value = value * 10 + UInt32(bytes[i + k] - 0x30) }
                buffer.append(value, bits: n * 3 + 1)
                i += n
            }
        case .alphanumeric:
            var i = 0
            while i + 1 < bytes.count {
                let a = UInt32(QRMode.alphanumericValue[Int(bytes[i])]), b = UInt32(QRMode.alphanumericValue[Int(bytes[i + 1])])
                buffer.append(a * 45 + b, bits: 11)
                i += 2
            }
            if i < bytes.count { buffer.append(UInt32(QRMode.alphanumericValue[Int(bytes[i])]), bits: 6) }
        case .byte:
            for b in bytes { buffer.append(UInt32(b), bits: 8) }
        }
    }

    /// `numeric`, `alphanumeric` or `byte`.
    public var description: String { rawValue }
}
