/// Terminal display width per grapheme (East Asian wide / emoji = 2, controls and lone marks = 0).
public enum DisplayWidth {
    /// Cells a grapheme occupies.
    public static func of(_ c: Character) -> Int {
        let scalars = c.unicodeScalars
        guard let first = scalars.first else { return 0 }
        let v = first.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        if v < tableEnd, scalars.index(after: scalars.startIndex) == scalars.endIndex { return Int(table[Int(v)]) }
        return measured(scalars)
    }

    /// Cells a single scalar occupies as a grapheme of its own.
    static func of(scalar v: UInt32) -> Int {
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        if v < tableEnd { return Int(table[Int(v)]) }
        return measured(Character(Unicode.Scalar(v) ?? "\u{FFFD}").unicodeScalars)
    }

    /// Single scalars below U+3000 (box drawing, block elements, arrows, punctuation, check marks: what
    /// the panes draw every frame), measured once by the general rule. Looking their Unicode
    /// properties up per cell was a third of a frame.
    private static let tableEnd: UInt32 = 0x3000
    private static let table: [UInt8] = (0..<tableEnd).map { v in
        guard let scalar = Unicode.Scalar(v) else { return 1 }
        return UInt8(measured(Character(scalar).unicodeScalars))
    }

    /// The general rule.
    private static func measured(_ scalars: Character.UnicodeScalarView) -> Int {
        guard let first = scalars.first else { return 0 }
        let v = first.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        if scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        if isWide(v) { return 2 }
        if first.properties.isEmojiPresentation { return 2 }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: return 1
        }
    }

    /// Cells a whole string occupies.
    public static func of(_ s: String) -> Int {
        // ASCII: one cell per printable byte, none for controls (a CR LF grapheme is a control too).
        let utf8 = s.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) { return utf8.reduce(0) { $0 + ($1 >= 0x20 && $1 < 0x7F ? 1 : 0) } }
        if ScalarGraphemes.isSimple(s) { return s.unicodeScalars.reduce(0) { $0 + of(scalar: $1.value) } }
        return s.reduce(0) { $0 + of($1) }
    }

    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
