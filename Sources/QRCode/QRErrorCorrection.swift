/// The four error correction levels of ISO/IEC 18004 (7.5.1): the share of codewords that can be restored.
public enum QRErrorCorrection: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// About 7 % of the codewords can be restored.
    case low = "L"
    /// About 15 %.
    case medium = "M"
    /// About 25 %.
    case quartile = "Q"
    /// About 30 %.
    case high = "H"

    /// The two bits this level has in the format information (Table 12): L 01, M 00, Q 11, H 10.
    var formatBits: Int {
        switch self {
        case .low: 0b01
        case .medium: 0b00
        case .quartile: 0b11
        case .high: 0b10
        }
    }

    /// Row of this level in the block tables (`QRVersionTable`).
    var tableIndex: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .quartile: 2
        case .high: 3
        }
    }

    /// The letter: L, M, Q or H.
    public var description: String { rawValue }
}
