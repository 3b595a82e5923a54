/// Removes control characters and terminal escape sequences (CSI, OSC, other ESC sequences) from
/// text before it is drawn. `Buffer.put` applies it to every string, so remote text can never reach
/// the terminal raw.
public enum Sanitize {
    /// Incremental filter over graphemes; `accept` returns false for graphemes to drop.
    struct Filter {
        enum Phase { case text, escape, csi, osc, oscEscape }
        var phase = Phase.text

        mutating func accept(_ c: Character) -> Bool {
            accept(scalar: c.unicodeScalars.first!.value)
        }

        /// The same, for a scalar that is a grapheme of its own.
        mutating func accept(scalar v: UInt32) -> Bool {
            switch phase {
            case .text:
                if v == 0x1B { phase = .escape; return false }
                if v == 0x9B { phase = .csi; return false }
                if v == 0x9D { phase = .osc; return false }
                if v < 0x20 || (v >= 0x7F && v < 0xA0) { return false }
                // Bidi overrides and isolates can reorder what the operator sees.
                if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) { return false }
                return true
            case .escape:
                phase = v == 0x5B ? .csi : v == 0x5D ? .osc : .text
                return false
            case .csi:
                if (0x40...0x7E).contains(v) { phase = .text }
                return false
            case .osc:
                if v == 0x07 || v == 0x9C { phase = .text } else if v == 0x1B { phase = .oscEscape }
                return false
            case .oscEscape:
                phase = .text
                return false
            }
        }
    }

    /// `s` without control characters and escape sequences.
    public static func clean(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s }
        var f = Filter()
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s where f.accept(c) { out.append(c) }
        return out
    }
}
