import Foundation
import ConsoleCore
import Domain
import Testing

@Suite struct RenderingTests {
    @Test func remoteStringsAreStripped() {
        #expect(Sanitize.clean("Al\u{1B}[31mice\u{07}\r\n") == "Alice")
        #expect(Sanitize.clean("x\u{1B}]0;title\u{07}y\u{9B}2Jz") == "xyz")
        var s = Fixtures.state(users: 0)
        Fixtures.send(&s, .usersLoaded([KnownUser(userToken: "t-1", name: "Evil\u{1B}[2J\u{1B}]52;c;AAAA\u{07}Eve", lastSigned: Fixtures.now)]))
        Fixtures.send(&s, .pushFailed(userToken: nil, .platform(status: 400, code: nil, reference: nil, message: "remote said \u{1B}[1mno\u{0}")))
        let text = ConsoleCore.view(s, width: 120, height: 35).text()
        #expect(text.contains("EvilEve"))
        #expect(text.contains("remote said no"))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test func widthIsMeasuredPerGrapheme() {
        #expect(DisplayWidth.of("日本") == 4)
        #expect(DisplayWidth.of("👍🏽") == 2)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        var b = Buffer(width: 6, height: 1)
        #expect(b.put("日本語", x: 0, y: 0) == 6)
        #expect(b[1, 0].isContinuation)
        var c = Buffer(width: 5, height: 1)
        c.put("日本語", x: 0, y: 0)
        #expect(c.text() == "日本")
        var s = Fixtures.state(users: 0)
        Fixtures.send(&s, .usersLoaded([KnownUser(userToken: "t-1", name: "山田太郎🙂", lastSigned: Fixtures.now)]))
        let row = ConsoleCore.view(s, width: 120, height: 35).text().split(separator: "\n")[3]
        #expect(row.contains("山田太郎🙂"))
        let plain = ConsoleCore.view(s, width: 120, height: 35)
        #expect(plain.text().split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 120 })
    }

    @Test func tooSmallMessage() {
        let s = Fixtures.state(width: 79, height: 30)
        #expect(ConsoleCore.view(s, width: 79, height: 30).text().contains("terminal too small (have 79×30, need 80×24)"))
    }

    @Test func lineDiffReportsChangedLines() {
        #expect(Snapshot.lineDiff(expected: "a\nb", actual: "a\nb") == nil)
        #expect(Snapshot.lineDiff(expected: "a\nb", actual: "a\nc") == "2 - b\n2 + c")
    }

    @Test func headerShowsBackendRateInboxAndClock() {
        let s = Fixtures.state()
        let header = ConsoleCore.view(s, width: 120, height: 35).text().split(separator: "\n")[0]
        #expect(header.contains("SIMULATOR") && header.contains("rate 27/30") && header.contains("4 deliveries"))
        #expect(header.hasSuffix("15:06:40"))
    }
}
