/// Whether every Unicode scalar of a text is a grapheme of its own, so the text can be walked scalar
/// by scalar instead of by `Character` (grapheme breaking per character was a large part of drawing
/// a frame; the panes' borders, arrows and marks are all such scalars).
///
/// The set is deliberately narrow: printable Latin text, and the punctuation, symbol, arrow, box and
/// block ranges below U+2C00, leaving out everything that can join a neighbour (combining marks,
/// joiners, variation selectors, Hangul jamo, regional indicators, emoji modifiers) and the
/// controls and bidi marks that sanitising has to see in context. A test checks every scalar of
/// the set against Swift's own grapheme breaking.
enum ScalarGraphemes {
    static func isSimple(_ v: UInt32) -> Bool {
        switch v {
        case 0x20..<0x7F, 0xA0..<0x300, 0x2010...0x2027, 0x2030...0x205E, 0x2070...0x20CF, 0x2100...0x2BFF: return true
        default: return false
        }
    }

    /// True when `text` holds only simple scalars.
    static func isSimple(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { isSimple($0.value) }
    }
}
