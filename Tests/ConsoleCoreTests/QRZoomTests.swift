import ConsoleCore
import ConsoleTestSupport
import Domain
import Foundation
import Testing

/// The QR screen: `z` (Payloads, Detail) and Enter on a payload that was not pushed show its QR whole.
@Suite struct QRZoomTests {
    /// Payloads newest first: 0 live (pushed, no deep link yet), 1 not pushed, 2 signed (pushed).
    static let live = "c0ffee00-1234-4abc-9def-0123456789ab"
    static let notPushed = "b7c2d9e4-5f60-4a1b-8c3d-2e9f0a1b2c3d"
    static let signed = "6a1f3e2c-0b7d-4c3e-9f21-5d8a7b6c4e10"
    static let notPushedLink = "https://xumm.app/sign/b7c2d9e4-5f60-4a1b-8c3d-2e9f0a1b2c3d"
    static let signedLink = "https://xumm.app/sign/6a1f3e2c-0b7d-4c3e-9f21-5d8a7b6c4e10"

    /// A state with the Payloads pane focused on the not-pushed payload, its modules not yet known.
    static func onNotPushed(width: Int = 120, height: Int = 35) -> ConsoleState {
        var s = Fixtures.state(users: 8, width: width, height: height)
        s.qrCodes = [:]
        Fixtures.keys(&s, .char("3"), .char("j"))
        return s
    }

    @Test func zOnANotPushedPayloadOpensTheQRScreenAndAsksForItsModules() {
        var s = Self.onNotPushed()
        let cmds = Fixtures.keys(&s, .char("z"))
        #expect(s.overlay == .qr(uuid: Self.notPushed))
        #expect(cmds == [.renderQR(uuid: Self.notPushed, text: Self.notPushedLink)])
        #expect(ConsoleCore.view(s, width: 120, height: 35).text().contains("rendering QR…"))
        Fixtures.send(&s, .qrReady(uuid: Self.notPushed, modules: SampleData.qrModules(size: 29)))
        let text = ConsoleCore.view(s, width: 120, height: 35).text()
        #expect(!text.contains("rendering QR…"))
        #expect(text.contains(Self.notPushedLink) && text.contains("Esc/z/q close"))
    }

    @Test func modulesAlreadyKnownAreNotRenderedAgain() {
        var s = Self.onNotPushed()
        Fixtures.send(&s, .qrReady(uuid: Self.notPushed, modules: SampleData.qrModules()))
        #expect(Fixtures.keys(&s, .char("z")).isEmpty)
        #expect(s.overlay == .qr(uuid: Self.notPushed))
    }

    @Test func zOnAPushedPayloadShowsItsQRToo() {
        var s = Self.onNotPushed()
        Fixtures.keys(&s, .char("j"))
        #expect(s.selectedPayload?.pushed == true)
        let cmds = Fixtures.keys(&s, .char("z"))
        #expect(s.overlay == .qr(uuid: Self.signed))
        #expect(cmds == [.renderQR(uuid: Self.signed, text: Self.signedLink)])
    }

    @Test func zWorksInTheDetailPane() {
        var s = Self.onNotPushed()
        Fixtures.keys(&s, .char("4"))
        #expect(s.focus == .detail)
        #expect(Fixtures.keys(&s, .char("z")) == [.renderQR(uuid: Self.notPushed, text: Self.notPushedLink)])
        #expect(s.overlay == .qr(uuid: Self.notPushed))
    }

    @Test func enterOnANotPushedPayloadOpensTheQRAndOnAPushedOneTheDetail() {
        var s = Self.onNotPushed()
        #expect(Fixtures.keys(&s, .enter) == [.renderQR(uuid: Self.notPushed, text: Self.notPushedLink)])
        #expect(s.overlay == .qr(uuid: Self.notPushed))
        Fixtures.keys(&s, .esc)
        Fixtures.keys(&s, .char("j"), .enter)
        #expect(s.overlay == nil && s.focus == .detail)
    }

    @Test(arguments: [Key.esc, .char("z"), .char("q")])
    func escZAndQCloseTheQRScreen(key: Key) {
        var s = Self.onNotPushed()
        Fixtures.keys(&s, .char("z"))
        #expect(Fixtures.keys(&s, key).isEmpty, "q closes the screen, it does not quit")
        #expect(s.overlay == nil && !s.quitRequested && s.focus == .payloads)
        // Other keys are taken by the screen: j does not move the cursor behind it.
        Fixtures.keys(&s, .char("z"), .char("j"), .char("p"))
        #expect(s.overlay == .qr(uuid: Self.notPushed) && s.selectedPayload?.uuid == Self.notPushed)
    }

    @Test func aPayloadWithoutADeepLinkSaysSoAndAsksForTheQRWhenTheLinkArrives() {
        var s = Self.onNotPushed()
        Fixtures.keys(&s, .char("k"))
        #expect(Fixtures.keys(&s, .char("z")).isEmpty)
        #expect(s.overlay == .qr(uuid: Self.live))
        #expect(ConsoleCore.view(s, width: 120, height: 35).text().contains("no deep link for this payload"))
        var record = s.payloads[0]
        record.deepLink = "https://xumm.app/sign/\(Self.live)"
        #expect(Fixtures.send(&s, .payloadUpserted(record)) == [.renderQR(uuid: Self.live, text: "https://xumm.app/sign/\(Self.live)")])
    }

    @Test func footerHelpAndDetailPointToZ() {
        var s = Self.onNotPushed(width: 80, height: 24)
        #expect(ConsoleCore.view(s, width: 80, height: 24).text().split(separator: "\n").last?.contains("z QR") == true)
        #expect(Keymap.helpSections(readOnly: false).contains { $0.0.contains("Detail") && $0.1.contains { $0.0 == "z" } })
        Fixtures.keys(&s, .char("4"))
        let detail = ConsoleCore.view(s, width: 80, height: 24).text()
        #expect(detail.contains("QR: z  shows the code whole"))
        #expect(detail.split(separator: "\n").last?.contains("z QR") == true)
    }

    // MARK: Snapshots

    /// A version-5 sized code (37 modules: 45 × 23 cells with the quiet zone), as the simulator's links need.
    static func zoomed(_ w: Int, _ h: Int, noColor: Bool = false) -> Buffer {
        // Opened on a usable terminal (below 80×24 the console takes only q and Esc), then resized.
        var s = Fixtures.state(users: 8, noColor: noColor)
        Fixtures.keys(&s, .char("3"), .char("j"), .char("z"))
        Fixtures.send(&s, .qrReady(uuid: Self.notPushed, modules: SampleData.qrModules(size: 37)), .resize(width: w, height: h))
        return ConsoleCore.view(s, width: w, height: h)
    }

    @Test(arguments: [(80, 24), (120, 35), (200, 50), (60, 20)])
    func snapshot(_ size: (Int, Int)) {
        Snapshot.assert(Self.zoomed(size.0, size.1), named: "qr-zoom-\(size.0)x\(size.1)")
    }

    @Test func theCodeIsWholeAndCentredWithItsQuietZone() throws {
        for (w, h) in [(80, 24), (120, 35), (200, 50)] {
            let lines = Self.zoomed(w, h).text().components(separatedBy: "\n")
            let rows = lines.enumerated().filter { $0.element.contains("▀") || $0.element.contains("▄") || $0.element.contains("█████████") }
            #expect(rows.count == 23, "\(w)×\(h): all 23 lines of the code")
            let first = try #require(rows.first?.element)
            let left = first.prefix { $0 == " " }.count
            #expect(abs(left - (w - 45) / 2) <= 0 && first.trimmingCharacters(in: .whitespaces).count == 45, "\(w)×\(h): centred")
            #expect(rows.first!.element.contains(String(repeating: "█", count: 45)), "quiet zone on top")
            let top = rows.first!.offset, bottom = h - 1 - rows.last!.offset
            #expect(abs(top - bottom) <= 2, "\(w)×\(h): centred vertically (top \(top), bottom \(bottom))")
        }
    }

    @Test func tooSmallSaysWhichSizeTheCodeNeeds() {
        // A window shrunk under the open QR screen.
        let text = Self.zoomed(60, 20).text()
        // 45 × 23 cells of code, a line for the 58-column link and one for the hint: the least growth
        // (74×24 would fit the link and the hint on one line).
        #expect(text.contains("QR needs 58×25, terminal is 60×20"), "\(text)")
        // Wrapped at a space on 60 columns, never cut.
        let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("QR needs 58×25, terminal is 60×20 — enlarge the window or zoom out"))
    }

    @Test func darkModulesAreInkInColourAndTheGlyphsAreTheSameWithNoColor() {
        let colour = Self.zoomed(80, 24), mono = Self.zoomed(80, 24, noColor: true)
        #expect(colour.text() == mono.text())
        #expect(colour.styleText().contains("bg=ink"))
        #expect(!mono.styleText().contains("bg="))
    }
}

extension QRZoomTests {
    /// A code bigger than an 80×24 terminal, even one that can show the console: it says so, and Esc closes it.
    @Test func aCodeTooBigForAUsableTerminalSaysWhichSizeAndEscStillCloses() {
        var s = Fixtures.state(users: 8, width: 80, height: 24)
        Fixtures.keys(&s, .char("3"), .char("j"), .char("z"))
        Fixtures.send(&s, .qrReady(uuid: Self.notPushed, modules: SampleData.qrModules(size: 57)))
        let text = ConsoleCore.view(s, width: 80, height: 24).text()
        // 65 × 33 cells of code: 74×34 (link and hint on one line) asks less growth than 65×35.
        #expect(text.contains("QR needs 74×34, terminal is 80×24 — enlarge the window or zoom out"), "\(text)")
        Fixtures.keys(&s, .esc)
        #expect(s.overlay == nil)
    }
}
