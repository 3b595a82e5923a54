import ConsoleCore
import Foundation
import Runtime
import Testing

/// The QR code as the operator sees it — `pushdesk push`'s lines and the console's Detail pane — drawn
/// on a light-on-dark and a dark-on-light terminal and read back with zbarimg.
@Suite(.serialized) struct QRTerminalTests {
    static let link = "https://xumm.app/sign/6f2c3a1e-8b4d-4c1a-9e7f-2d3b5a6c7e8f"

    /// In colour the code is white on black whatever the terminal's colours: it decodes as is on both.
    @Test(arguments: [TerminalQR.Theme.dark, .light])
    func colourLinesDecodeOnAnyTerminal(theme: TerminalQR.Theme) throws {
        guard TerminalQR.zbarimgAvailable() else { return }
        let m = try #require(QRMatrix.encode(Self.link))
        let lines = QRText.terminalLines(m, color: true)
        #expect(try TerminalQR.decode(TerminalQR.pgm(TerminalQR.cells(ansi: lines, theme: theme), theme: theme)) == Self.link)
    }

    /// Without colour the terminal's own colours draw it: dark modules are dark on a light-on-dark
    /// terminal; on a dark-on-light one the code is inverted and zbarimg reads it only with -Stest-inverted.
    @Test func noColorLinesDecodeOnADarkTerminalAndInvertedOnALightOne() throws {
        guard TerminalQR.zbarimgAvailable() else { return }
        let m = try #require(QRMatrix.encode(Self.link))
        let lines = QRText.terminalLines(m, color: false)
        #expect(!lines.joined().contains("\u{1B}"))
        let dark = TerminalQR.pgm(TerminalQR.cells(ansi: lines, theme: .dark), theme: .dark)
        #expect(try TerminalQR.decode(dark) == Self.link)
        let light = TerminalQR.pgm(TerminalQR.cells(ansi: lines, theme: .light), theme: .light)
        #expect(try TerminalQR.decode(light) == nil, "inverted: zbarimg does not find it by default")
        #expect(try TerminalQR.decode(light, tryInverted: true) == Self.link)
    }

    /// The console draws the same lines with `QRText.style` into its Buffer: paper on ink in colour (decodes
    /// on both terminals), the terminal's colours with `noColor`.
    @Test func consoleBufferDecodesInColourAndNoColor() throws {
        guard TerminalQR.zbarimgAvailable() else { return }
        let m = try #require(QRMatrix.encode(Self.link))
        let lines = QRText.lines(m)
        for monochrome in [false, true] {
            var buf = Buffer(width: lines[0].count + 4, height: lines.count + 2, monochrome: monochrome)
            for (i, line) in lines.enumerated() { buf.put(line, x: 2, y: 1 + i, style: QRText.style) }
            for theme in [TerminalQR.Theme.dark, .light] {
                let pgm = TerminalQR.pgm(TerminalQR.cells(buf, rows: 0..<buf.height, columns: 0..<buf.width, theme: theme), theme: theme)
                let inverted = monochrome && theme.name == TerminalQR.Theme.light.name
                #expect(try TerminalQR.decode(pgm, tryInverted: inverted) == Self.link, "monochrome \(monochrome), \(theme)")
            }
        }
    }

    @Test func linesHaveTheFourModuleQuietZone() throws {
        let m = try #require(QRMatrix.encode(Self.link))
        let lines = QRText.lines(m)
        #expect(lines.count == (m.count + 8 + 1) / 2)
        #expect(lines.allSatisfy { $0.count == m.count + 8 })
        // The top two lines (4 module rows), the last two (4 rows and the odd half row) and the outer
        // 4 columns are all light: full blocks.
        #expect(lines.prefix(2).allSatisfy { $0.allSatisfy { $0 == "█" } })
        #expect(lines.suffix(2).allSatisfy { $0.allSatisfy { $0 == "█" } })
        #expect(lines.allSatisfy { $0.hasPrefix("████") && $0.hasSuffix("████") })
    }
}
