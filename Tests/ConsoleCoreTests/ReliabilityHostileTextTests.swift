import ConsoleCore
import Domain
import Foundation
import Testing

/// Issue 8, hostile input: remote strings carrying terminal escape sequences and control characters
/// (user names, event details, error texts, request-log errors, instructions) never reach the
/// screen raw: `ConsoleCore.view` output holds none of them, on every pane that shows such text.
@Suite("Reliability: hostile remote text")
struct ReliabilityHostileTextTests {
    /// Each carries a visible marker word that must survive, wrapped in hostile bytes.
    static let hostile: [String] = [
        "MALLORY\u{1B}[2J\u{1B}[H",                       // clear screen, cursor home
        "\u{1B}]0;owned\u{07}TITLE",                      // OSC set-title, BEL-terminated
        "\u{1B}]8;;http://evil\u{1B}\\LINK\u{1B}]8;;\u{1B}\\", // OSC 8 hyperlink, ST-terminated
        "BELL\u{07}\u{07}",
        "\u{9B}31mCSI\u{9D}0;x\u{9C}C1",                    // C1 CSI, C1 OSC ... ST
        "NUL\u{0}TAB\tCR\rLF\nDEL\u{7F}",
        "BIDI\u{202E}txe.exe\u{2066}",
        "\u{1B}P1$qDCS\u{1B}\\AFTER",                       // DCS (dropped up to its first byte)
        "\u{1B}[?1049l\u{1B}[?25lALT",                     // leave alt screen, hide cursor
    ]

    static func forbidden(_ v: UInt32) -> Bool {
        v < 0x20 || (0x7F..<0xA0).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    func assertClean(_ s: ConsoleState, _ where_: String) -> Int {
        var checked = 0
        for (w, h) in [(120, 35), (200, 50)] {
            let buffer = ConsoleCore.view(s, width: w, height: h)
            for cell in buffer.cells {
                checked += 1
                for scalar in cell.grapheme.unicodeScalars where Self.forbidden(scalar.value) {
                    Issue.record("\(where_) \(w)x\(h): U+\(String(scalar.value, radix: 16)) in a cell")
                }
            }
            let text = buffer.text()
            #expect(!text.contains("2J") && !text.contains("owned") && !text.contains("evil") && !text.contains("1049"), "\(where_): \(text)")
        }
        return checked
    }

    @Test func hostileRemoteStringsRenderWithoutControls() {
        let now = Fixtures.now
        var s = Fixtures.state(users: 3, payloads: false)
        let users = Self.hostile.enumerated().map { i, name in
            KnownUser(userToken: String(format: "00000000-0000-4000-8000-%012d", i), name: name, account: "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh",
                      tokenIssued: now - 86_400, tokenExpiration: now + 86_400 * 29, lastSigned: now - 86_400)
        }
        Fixtures.send(&s, .usersLoaded(users))
        var cells = assertClean(s, "users")
        #expect(ConsoleCore.view(s, width: 200, height: 50).text().contains("MALLORY"))

        let records = Self.hostile.enumerated().map { i, text in
            var r = PayloadRecord(uuid: "c0ffee00-1234-4abc-9def-0000000000\(10 + i)", userToken: users[i].userToken, userName: text,
                                  transactionType: "Payment", txjson: #"{"TransactionType":"Payment"}"#, expireMinutes: 5,
                                  instruction: text, created: now - 60, pushed: true, deepLink: "https://xumm.app/sign/\(text)")
            r.events = [PayloadEvent(at: now - 60, kind: .created, detail: text), PayloadEvent(at: now - 50, kind: .error, detail: text)]
            return r
        }
        Fixtures.send(&s, .payloadsLoaded(records))
        for (i, text) in Self.hostile.enumerated() {
            Fixtures.send(&s, .requestLogged(RequestLogEntry(method: "GET", path: "/payload/\(text)", status: 500, latencyMs: 1,
                                                             rateLimitRemaining: 1, at: now + Double(i), error: text)))
        }
        Fixtures.send(&s, .pushFailed(userToken: nil, .platform(status: 400, code: 1, reference: Self.hostile.joined(), message: Self.hostile.joined())))
        cells += assertClean(s, "error line")
        Fixtures.keys(&s, .char("3"))
        cells += assertClean(s, "payloads")
        Fixtures.keys(&s, .enter)
        cells += assertClean(s, "detail")
        Fixtures.keys(&s, .char("L"))
        cells += assertClean(s, "detail + log")
        Fixtures.send(&s, .cancelAnswered(uuid: Self.hostile.joined(), reason: Self.hostile.joined()))
        cells += assertClean(s, "notice")
        print("[reliability] hostile remote text: strings=\(Self.hostile.count) screens=6 cells checked=\(cells) raw controls=0")
    }

    @Test func sanitizeKeepsTheVisibleTextOfEveryHostileString() {
        let expected = ["MALLORY", "TITLE", "LINK", "BELL", "CSIC1", "NULTABCRLFDEL", "BIDItxe.exe", "AFTER", "ALT"]
        for (input, want) in zip(Self.hostile, expected) {
            let clean = Sanitize.clean(input)
            #expect(!clean.unicodeScalars.contains { Self.forbidden($0.value) })
            #expect(clean.contains(want), "\(clean.debugDescription) lacks \(want)")
        }
    }
}
