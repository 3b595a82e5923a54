import ConsoleCore
import Foundation
import Testing

/// Terminal text drawn as a terminal draws it (each cell 4 × 8 pixels, half blocks split at the middle,
/// SGR or `Style` colours over a theme's default colours), then decoded with `zbarimg` (Debian
/// zbar-tools; it reads PGM through ImageMagick).
enum TerminalQR {
    /// A terminal's default colours, as grey levels.
    struct Theme: CustomStringConvertible {
        let name: String
        let foreground: UInt8
        let background: UInt8
        /// Light text on a dark background, the usual terminal.
        static let dark = Theme(name: "light-on-dark", foreground: 230, background: 30)
        /// Dark text on a light background.
        static let light = Theme(name: "dark-on-light", foreground: 25, background: 240)
        var description: String { name }
    }

    /// Grey levels of the explicit colours: white (SGR 37/97, `Tone.paper`) and black (SGR 30/40, `Tone.ink`).
    static let white: UInt8 = 235, black: UInt8 = 12

    struct Cell { var glyph: Character; var fg: UInt8; var bg: UInt8 }

    /// Cells of lines that may carry SGR sequences (`ESC [ … m`: 0, 30, 37, 39, 40, 47, 49, 97, 107).
    static func cells(ansi lines: [String], theme: Theme) -> [[Cell]] {
        lines.map { line in
            var fg = theme.foreground, bg = theme.background
            var out: [Cell] = []
            var chars = Array(line)[...]
            while let c = chars.popFirst() {
                if c == "\u{1B}", chars.first == "[" {
                    chars.removeFirst()
                    var params = ""
                    while let p = chars.popFirst(), p != "m" { params.append(p) }
                    for code in params.split(separator: ";").map({ Int($0) ?? 0 }) + (params.isEmpty ? [0] : []) {
                        switch code {
                        case 0: fg = theme.foreground; bg = theme.background
                        case 30: fg = black
                        case 37, 97: fg = white
                        case 39: fg = theme.foreground
                        case 40: bg = black
                        case 47, 107: bg = white
                        case 49: bg = theme.background
                        default: break
                        }
                    }
                } else {
                    out.append(Cell(glyph: c, fg: fg, bg: bg))
                }
            }
            return out
        }
    }

    /// Cells of a console `Buffer` region, with its styles' tones (`paper`, `ink`; others as the theme's).
    static func cells(_ buffer: Buffer, rows: Range<Int>, columns: Range<Int>, theme: Theme) -> [[Cell]] {
        func grey(_ tone: Tone?, _ fallback: UInt8) -> UInt8 {
            switch tone { case .paper?: white; case .ink?: black; default: fallback }
        }
        return rows.map { y in
            columns.map { x in
                let cell = buffer[x, y]
                var fg = grey(cell.style.fg, theme.foreground), bg = grey(cell.style.bg, theme.background)
                if cell.style.reverse { swap(&fg, &bg) }
                return Cell(glyph: cell.grapheme.first ?? " ", fg: fg, bg: bg)
            }
        }
    }

    /// The picture: a margin of 2 cells of the theme's background around the text.
    static func pgm(_ cells: [[Cell]], theme: Theme, cellWidth: Int = 4, cellHeight: Int = 8) -> Data {
        let margin = 2
        let columns = (cells.map(\.count).max() ?? 0) + 2 * margin, rows = cells.count + 2 * margin
        let w = columns * cellWidth, h = rows * cellHeight
        var pixels = [UInt8](repeating: theme.background, count: w * h)
        for (r, line) in cells.enumerated() {
            for (c, cell) in line.enumerated() {
                let (top, bottom): (UInt8, UInt8) = switch cell.glyph {
                case "█": (cell.fg, cell.fg)
                case "▀": (cell.fg, cell.bg)
                case "▄": (cell.bg, cell.fg)
                default: (cell.bg, cell.bg)
                }
                for y in 0..<cellHeight {
                    let v = y < cellHeight / 2 ? top : bottom
                    let start = ((r + margin) * cellHeight + y) * w + (c + margin) * cellWidth
                    for x in 0..<cellWidth { pixels[start + x] = v }
                }
            }
        }
        var data = Data("P5\n\(w) \(h)\n255\n".utf8)
        data.append(contentsOf: pixels)
        return data
    }

    /// What zbarimg reads in the picture, nil when it finds no code. `tryInverted` adds `-Stest-inverted`
    /// (light modules darker than dark ones).
    static func decode(_ pgm: Data, tryInverted: Bool = false) throws -> String? {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pd-qr-\(UUID().uuidString).pgm")
        try pgm.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["zbarimg", "--quiet", "--raw", "--nodbus"] + (tryInverted ? ["-Stest-inverted"] : []) + [url.path]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { return nil }
        var text = String(decoding: data, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// Whether zbarimg runs; when it does not, a failure under `CI`, else a known issue saying why.
    static func zbarimgAvailable(sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["zbarimg", "--version"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        if (try? p.run()) != nil {
            p.waitUntilExit()
            if p.terminationStatus == 0 { return true }
        }
        let why = "zbarimg not found (apt-get install zbar-tools)"
        if !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty {
            Issue.record("\(why) (CI is set, so this check must run)", sourceLocation: sourceLocation)
        } else {
            print("⚠︎ skipped: \(why)")
            withKnownIssue("\(why); set CI to make this a failure") { Issue.record(Comment(rawValue: why), sourceLocation: sourceLocation) }
        }
        return false
    }
}
