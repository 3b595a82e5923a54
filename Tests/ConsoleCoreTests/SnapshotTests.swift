import ConsoleCore
import ConsoleTestSupport
import Domain
import Foundation
import Testing
import XRPLTx

@Suite struct SnapshotTests {
    /// 100,000 users, built once.
    static let many: ConsoleState = Fixtures.state(users: 100_000)

    static func view(_ s: ConsoleState, _ w: Int, _ h: Int) -> Buffer {
        var s = s
        Fixtures.send(&s, .resize(width: w, height: h))
        return ConsoleCore.view(s, width: w, height: h)
    }

    @Test(arguments: [(120, 35), (200, 50), (60, 15)])
    func zeroUsers(_ size: (Int, Int)) {
        let s = Fixtures.state(users: 0)
        Snapshot.assert(Self.view(s, size.0, size.1), named: "zero-users-\(size.0)x\(size.1)")
    }

    @Test(arguments: [(120, 35), (200, 50), (60, 15), (80, 24)])
    func handful(_ size: (Int, Int)) {
        var s = Fixtures.state(users: 8)
        Fixtures.keys(&s, .char("j"), .enter, .char(" "), .char("j"), .char("j"))
        Fixtures.command(&s, "template payment")
        Fixtures.keys(&s, .char("1"))
        Snapshot.assert(Self.view(s, size.0, size.1), named: "handful-\(size.0)x\(size.1)")
    }

    @Test(arguments: [(120, 35), (200, 50), (60, 15)])
    func hundredThousand(_ size: (Int, Int)) {
        var s = Self.many
        Fixtures.keys(&s, .char("/")); Fixtures.type(&s, "gra"); Fixtures.keys(&s, .enter, .pageDown)
        Snapshot.assert(Self.view(s, size.0, size.1), named: "100k-\(size.0)x\(size.1)")
    }

    @Test func helpOverlay() {
        var s = Fixtures.state(users: 8)
        Fixtures.keys(&s, .char("?"))
        Snapshot.assert(Self.view(s, 120, 35), named: "help-120x35")
    }

    /// On a small screen the help scrolls to its last binding; on a large one it is whole.
    @Test func helpOverlayScrollsToEveryBinding() {
        var small = Fixtures.state(users: 8, width: 80, height: 24)
        Fixtures.keys(&small, .char("?"), .char("G"))
        let text = Self.view(small, 80, 24).text()
        #expect(text.contains("above") && !text.contains("more —"), "scrolled to the end:\n\(text)")
        let lastBinding = Keymap.helpSections(readOnly: false).last?.1.last?.1.split(separator: " ").last.map(String.init) ?? "?"
        #expect(text.contains(lastBinding), "the last binding (\(lastBinding)) is on screen")
        Snapshot.assert(Self.view(small, 80, 24), named: "help-80x24-end")
        Fixtures.keys(&small, .char("g"))
        #expect(small.helpScroll == 0)
        var large = Fixtures.state(users: 8, width: 200, height: 50)
        Fixtures.keys(&large, .char("?"), .char("j"))
        #expect(large.helpScroll == 0, "nothing to scroll when the help fits")
        Snapshot.assert(Self.view(large, 200, 50), named: "help-200x50")
    }

    @Test func confirmDialog() {
        var s = Fixtures.state(users: 8)
        Fixtures.keys(&s, .char(" "), .char(" "), .char(" "))
        Fixtures.command(&s, "template trustline")
        Fixtures.command(&s, "instruction Open the USD line please")
        let tokens = s.pushTargets
        Fixtures.keys(&s, .char("p"))
        Fixtures.send(&s, .tokensVerified([tokens[0]: true, tokens[1]: false], requested: false))
        Snapshot.assert(Self.view(s, 120, 35), named: "confirm-120x35")
        Snapshot.assert(Self.view(s, 80, 24), named: "confirm-80x24")
        Snapshot.assert(Self.view(s, 200, 50), named: "confirm-200x50")
    }

    @Test func findingsInEditor() {
        var s = Fixtures.state(users: 8)
        Fixtures.keys(&s, .char("2"), .char("i"))
        Fixtures.keys(&s, .paste("{\n  \"Transaction\": \"Payment\",\n  \"Amount\": \"-5\",\n  \"Fee\": \"123456789\"\n}"))
        Snapshot.assert(Self.view(s, 120, 35), named: "findings-120x35")
        Snapshot.assert(Self.view(s, 80, 24), named: "findings-80x24")
        Snapshot.assert(Self.view(s, 200, 50), named: "findings-200x50")
    }

    @Test func detailNotPushedWithQRAndLog() {
        var s = Fixtures.state(users: 8)
        Fixtures.send(&s, .qrReady(uuid: "b7c2d9e4-5f60-4a1b-8c3d-2e9f0a1b2c3d", modules: SampleData.qrModules()))
        for i in 0..<6 {
            Fixtures.send(&s, .requestLogged(RequestLogEntry(method: i % 2 == 0 ? "POST" : "GET", path: "/api/v1/platform/payload",
                                                             status: i == 5 ? 429 : 200, latencyMs: 40 + Double(i), rateLimitRemaining: 29 - i,
                                                             at: Fixtures.now + Double(i), error: i == 5 ? "rate limited \u{1B}[2J" : nil)))
        }
        // Enter on a not-pushed payload opens its QR screen; 4 goes to its Detail pane.
        Fixtures.keys(&s, .char("3"), .char("j"), .char("4"), .char("L"))
        Snapshot.assert(Self.view(s, 200, 50), named: "detail-notpushed-log-200x50")
        Snapshot.assert(Self.view(s, 120, 35), named: "detail-notpushed-log-120x35")
        Snapshot.assert(Self.view(s, 80, 24), named: "detail-notpushed-log-80x24")
    }

    @Test func signedOnTestnetDetail() {
        var s = Fixtures.state(users: 8)
        Fixtures.keys(&s, .char("3"), .char("G"), .enter)
        Snapshot.assert(Self.view(s, 120, 35), named: "detail-signed-120x35")
        Snapshot.assert(Self.view(s, 80, 24), named: "detail-signed-80x24")
        Snapshot.assert(Self.view(s, 200, 50), named: "detail-signed-200x50")
    }

    @Test func noColor() {
        var s = Fixtures.state(users: 8, noColor: true)
        Fixtures.keys(&s, .char("j"), .enter, .char(" "))
        let mono = Self.view(s, 120, 35)
        Snapshot.assert(mono, named: "nocolor-120x35")
        Snapshot.assert(Self.view(s, 80, 24), named: "nocolor-80x24")
        Snapshot.assert(Self.view(s, 200, 50), named: "nocolor-200x50")
        var c = Fixtures.state(users: 8, noColor: false)
        Fixtures.keys(&c, .char("j"), .enter, .char(" "))
        let color = Self.view(c, 120, 35)
        #expect(mono.text() == color.text())
        #expect(!mono.styleText().contains("fg="))
        #expect(color.styleText().contains("fg=expired"))
        #expect(mono.styleText().contains("rev,"), "the selection is still marked by reverse")
    }

    @Test func templatePicker() {
        var s = Fixtures.state(users: 8)
        Fixtures.keys(&s, .char("2"), .char("t"), .char("j"))
        Snapshot.assert(Self.view(s, 120, 35), named: "templates-120x35")
        Snapshot.assert(Self.view(s, 200, 50), named: "templates-200x50")
        Fixtures.keys(&s, .enter)
        #expect(s.editor.text.contains("TrustSet"))
    }

    /// The name column fits the longest name: `NFTokenCreateOffer` never runs into its title.
    @Test func templatePickerFitsTheLongestName() {
        var s = Fixtures.state(users: 8, width: 80, height: 24)
        let long = TxTemplate(name: "NFTokenCreateOffer", title: "NFT sell offer", purpose: "Offer an NFT for sale.",
                              txjsonText: #"{"TransactionType":"NFTokenCreateOffer"}"#)
        _ = Fixtures.send(&s, .templatesLoaded(SampleData.templates + [long]))
        Fixtures.keys(&s, .char("2"), .char("t"))
        let text = Self.view(s, 80, 24).text()
        #expect(text.contains("NFTokenCreateOffer  NFT sell offer"), "\(text)")
        Snapshot.assert(Self.view(s, 80, 24), named: "templates-80x24")
    }

    /// A long platform error in the request log wraps under PATH / ERROR: its code and reference
    /// stay on screen at 80 columns.
    @Test(arguments: [(80, 24), (120, 35), (200, 50)])
    func requestLogWrapsALongError(_ size: (Int, Int)) {
        var s = Fixtures.state(users: 8, width: size.0, height: size.1)
        Fixtures.send(&s, .requestLogged(RequestLogEntry(method: "GET", path: "/api/v1/platform/ping", status: 200, latencyMs: 3,
                                                         rateLimitRemaining: 29, at: Fixtures.now)))
        Fixtures.send(&s, .requestLogged(RequestLogEntry(method: "POST", path: "/api/v1/platform/payload", status: 400, latencyMs: 41,
                                                         rateLimitRemaining: 28, at: Fixtures.now,
                                                         error: "platform error 602: Invalid payload body: txjson.Destination is not a valid r-address (reference 8c5f0a3e-1b2d-4c5e-9f7a-0b1c2d3e4f50)")))
        Fixtures.keys(&s, .char("L"))
        let text = Self.view(s, size.0, size.1).text()
        #expect(text.contains("8c5f0a3e-1b2d-4c5e-9f7a-0b1c2d3e4f50"), "\(text)")
        Snapshot.assert(Self.view(s, size.0, size.1), named: "requestlog-long-error-\(size.0)x\(size.1)")
    }
}
