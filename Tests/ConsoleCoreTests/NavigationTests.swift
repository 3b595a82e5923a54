import ConsoleCore
import Domain
import Testing

@Suite struct NavigationTests {
    @Test func movesClampAndJumpToEnds() {
        var s = Fixtures.state(users: 20)
        Fixtures.keys(&s, .char("j"), .down, .char("j"))
        #expect(s.userCursor == 3)
        Fixtures.keys(&s, .char("k"))
        #expect(s.userCursor == 2)
        Fixtures.keys(&s, .char("G"))
        #expect(s.userCursor == 19)
        Fixtures.keys(&s, .char("j"))
        #expect(s.userCursor == 19)
        Fixtures.keys(&s, .char("g"))
        #expect(s.userCursor == 0)
        Fixtures.keys(&s, .up)
        #expect(s.userCursor == 0)
    }

    @Test func scrollKeepsCursorVisible() {
        var s = Fixtures.state(users: 1000)
        Fixtures.keys(&s, .pageDown, .pageDown)
        let rows = Layout(s).userRows
        #expect(s.userCursor >= rows)
        #expect(s.userScroll <= s.userCursor && s.userCursor < s.userScroll + rows)
        Fixtures.keys(&s, .char("G"))
        #expect(s.userCursor == 999 && s.userScroll == 1000 - rows)
    }

    @Test func panesCycleWithTabAndNumbers() {
        var s = Fixtures.state()
        #expect(s.focus == .users)
        Fixtures.keys(&s, .tab); #expect(s.focus == .compose)
        Fixtures.keys(&s, .tab, .tab, .tab); #expect(s.focus == .users)
        Fixtures.keys(&s, .backtab); #expect(s.focus == .detail)
        Fixtures.keys(&s, .char("3")); #expect(s.focus == .payloads)
        Fixtures.keys(&s, .char("j")); #expect(s.payloadCursor == 1)
        // Payload 1 was not pushed: Enter shows its QR; on a pushed one it opens Detail.
        Fixtures.keys(&s, .enter); #expect(s.overlay == .qr(uuid: s.payloads[1].uuid))
        Fixtures.keys(&s, .esc, .char("j"), .enter); #expect(s.focus == .detail)
        Fixtures.keys(&s, .esc); #expect(s.focus == .payloads)
    }

    @Test func qQuitsAndCtrlCAlwaysQuits() {
        var s = Fixtures.state()
        #expect(Fixtures.keys(&s, .char("q")) == [.quit])
        var t = Fixtures.state()
        Fixtures.keys(&t, .char("2"), .enter)
        #expect(t.mode == .edit)
        #expect(Fixtures.keys(&t, .ctrl("c")) == [.quit])
    }

    @Test func tooSmallOnlyQuits() {
        var s = Fixtures.state(width: 60, height: 15)
        #expect(Fixtures.keys(&s, .char("j"), .char("p"), .char(":")) == [])
        #expect(s.userCursor == 0 && s.mode == .normal && s.overlay == nil)
        #expect(Fixtures.keys(&s, .char("q")) == [.quit])
    }

    @Test func helpOverlayOpensAndCloses() {
        var s = Fixtures.state()
        Fixtures.keys(&s, .char("?"))
        #expect(s.overlay == .help)
        Fixtures.keys(&s, .char("j"))
        #expect(s.userCursor == 0, "keys do not leak through the overlay")
        Fixtures.keys(&s, .esc)
        #expect(s.overlay == nil)
    }

    @Test func pasteInNormalModeReplaysKeysButNeverConfirms() {
        var s = Fixtures.state()
        Fixtures.keys(&s, .paste("jj"))
        #expect(s.userCursor == 2)
        Fixtures.keys(&s, .enter)
        Fixtures.command(&s, "template payment")
        Fixtures.keys(&s, .char("1"))
        let cmds = Fixtures.keys(&s, .paste("py"))
        #expect(!cmds.contains { if case .push = $0 { true } else { false } })
        if case .confirmPush? = s.overlay {} else { Issue.record("confirm should be open, waiting for a real y") }
    }

    @Test func requestLogToggles() {
        var s = Fixtures.state()
        Fixtures.keys(&s, .char("L"))
        #expect(s.showLog)
        #expect(Layout(s).log != nil)
        Fixtures.keys(&s, .char("L"))
        #expect(!s.showLog)
    }
}

@Suite struct BurstTests {
    @Test func burstOpeningFilterFeedsTheRestIntoIt() {
        var s = Fixtures.state(users: 200)
        Fixtures.keys(&s, .paste("/grace 1\n"))
        #expect(s.mode == .normal && s.users.query == "grace 1")
        #expect(s.users.visible.count > 0)
    }
}

/// The push's template and options are reachable from every pane, not only Compose.
struct GlobalComposeKeysTests {
    @Test func templatesExpireAndInstructionWorkFromEveryPane() {
        for pane in ["1", "3", "4"] {
            var s = Fixtures.state(users: 4)
            Fixtures.keys(&s, .char(Character(pane)), .char("t"))
            #expect(s.overlay == .templates(cursor: 0), "t in pane \(pane)")
            Fixtures.keys(&s, .esc, .char("x"))
            #expect(s.mode == .command && s.commandText == "expire ", "x in pane \(pane)")
            Fixtures.keys(&s, .esc, .char("I"))
            #expect(s.mode == .command && s.commandText == "instruction ", "I in pane \(pane)")
        }
    }
}
