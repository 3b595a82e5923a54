/// A QR code as text: half blocks, two module rows per line, with a quiet zone of 4 modules.
///
/// The glyph (the foreground) is the light modules and the quiet zone; the dark modules are the cell's
/// background. Drawn with explicit colours (`Tone.paper` on `Tone.ink`, or SGR white on black) dark
/// modules are dark on any terminal. Without colours (`NO_COLOR`) the terminal's own colours draw it: on
/// the usual light-text-on-dark terminal dark modules are dark; on a dark-text-on-light one the code
/// comes out inverted, which a decoder reads only when it tries inverted codes (zbarimg needs
/// `-Stest-inverted`; many phone scanners try both).
public enum QRText {
    /// Light modules around the code, as ISO/IEC 18004 asks for.
    public static let quietZone = 4

    /// The lines, `modules.count + 2 · quietZone` characters wide.
    public static func lines(_ modules: [[Bool]]) -> [String] {
        let n = modules.count
        guard n > 0 else { return [] }
        let size = n + quietZone * 2
        func light(_ r: Int, _ c: Int) -> Bool {
            let rr = r - quietZone, cc = c - quietZone
            guard rr >= 0, rr < n, cc >= 0, cc < modules[rr].count else { return true }
            return !modules[rr][cc]
        }
        var lines: [String] = []
        lines.reserveCapacity((size + 1) / 2)
        var r = 0
        while r < size {
            var line = ""
            line.unicodeScalars.reserveCapacity(size)
            for c in 0..<size {
                // The row count is odd: the last line's lower half is one more light half row, so that
                // in colour no strip of ink shows below the quiet zone.
                let top = light(r, c), bottom = r + 1 < size ? light(r + 1, c) : true
                line.unicodeScalars.append(top && bottom ? "█" : top ? "▀" : bottom ? "▄" : " ")
            }
            lines.append(line)
            r += 2
        }
        return lines
    }

    /// SGR white on black, around each line in colour mode.
    static let colorOn = "\u{1B}[37;40m", colorOff = "\u{1B}[0m"

    /// The lines for a plain terminal (`pushdesk push`): in colour, each line set white on black with SGR
    /// codes and reset at its end; without colour (`NO_COLOR`), the bare `lines`.
    public static func terminalLines(_ modules: [[Bool]], color: Bool) -> [String] {
        let plain = lines(modules)
        return color ? plain.map { colorOn + $0 + colorOff } : plain
    }

    /// The cell style of QR lines in the console: paper on ink (monochrome buffers drop the colours).
    public static let style = Style(fg: .paper, bg: .ink)
}
