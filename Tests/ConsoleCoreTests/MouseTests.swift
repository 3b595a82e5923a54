import ConsoleCore
import ConsoleTestSupport
import Domain
import Foundation
import Testing

/// A click focuses the pane under it and selects the clicked row; the wheel scrolls where it
/// points; nothing the mouse does sends anything.
@Suite struct MouseTests {
    static func click(_ x: Int, _ y: Int) -> Key { .mouse(MouseEvent(x: x, y: y, action: .press(button: 0))) }

    @Test func aClickFocusesThePaneAndSelectsTheRowUnderIt() throws {
        var s = Fixtures.state(users: 20)
        let layout = Layout(s)
        let users = try #require(layout.panes[.users]), payloads = try #require(layout.panes[.payloads])
        // Row 4 of the Users list (under the column header).
        #expect(Fixtures.keys(&s, Self.click(users.inner.x + 3, users.inner.y + 1 + 4)).isEmpty)
        #expect(s.focus == .users && s.userCursor == 4)
        // The second payload: focus moves, the cursor and Detail follow.
        Fixtures.keys(&s, Self.click(payloads.inner.x + 3, payloads.inner.y + 2))
        #expect(s.focus == .payloads && s.payloadCursor == 1)
        #expect(s.selectedPayload?.uuid == s.payloads[1].uuid)
        // Below the last payload: focus only.
        Fixtures.keys(&s, .char("1"), Self.click(payloads.inner.x + 3, payloads.inner.y + payloads.inner.height - 1))
        #expect(s.focus == .payloads && s.payloadCursor == 1)
        // The header row and the border select nothing new.
        Fixtures.keys(&s, Self.click(users.inner.x + 3, users.inner.y))
        #expect(s.focus == .users && s.userCursor == 4)
        // Right and middle buttons do nothing.
        Fixtures.keys(&s, .mouse(MouseEvent(x: payloads.inner.x + 3, y: payloads.inner.y + 1, action: .press(button: 2))))
        #expect(s.focus == .users)
    }

    @Test func theWheelScrollsThePaneUnderThePointerWithoutTakingFocus() throws {
        var s = Fixtures.state(users: 20)
        let users = try #require(Layout(s).panes[.users])
        Fixtures.keys(&s, .char("3"))
        Fixtures.keys(&s, .mouse(MouseEvent(x: users.inner.x + 2, y: users.inner.y + 2, action: .wheelDown)))
        #expect(s.focus == .payloads)
        #expect(s.userCursor == ConsoleCore.wheelStep)
        Fixtures.keys(&s, .mouse(MouseEvent(x: users.inner.x + 2, y: users.inner.y + 2, action: .wheelUp)),
                      .mouse(MouseEvent(x: users.inner.x + 2, y: users.inner.y + 2, action: .wheelUp)))
        #expect(s.userCursor == 0)
    }

    @Test func dialogsIgnoreClicksAndTheHelpScrollsUnderTheWheel() throws {
        var s = Fixtures.state(users: 8, width: 80, height: 24)
        Fixtures.keys(&s, .enter)
        Fixtures.command(&s, "template signin")
        Fixtures.keys(&s, .char("p"))
        guard case .confirmPush? = s.overlay else { Issue.record("no confirm dialog"); return }
        // Clicking anywhere (where "y" is written, too) sends nothing and keeps the dialog.
        for y in 0..<24 { #expect(Fixtures.keys(&s, Self.click(40, y)).isEmpty) }
        guard case .confirmPush? = s.overlay else { Issue.record("a click closed the dialog"); return }
        Fixtures.keys(&s, .esc, .char("?"))
        Fixtures.keys(&s, .mouse(MouseEvent(x: 10, y: 10, action: .wheelDown)))
        #expect(s.helpScroll == ConsoleCore.wheelStep)
    }

    @Test func typingKeepsItsPaneUntilAClickElsewhere() throws {
        var s = Fixtures.state(users: 8)
        let layout = Layout(s)
        let compose = try #require(layout.panes[.compose]), users = try #require(layout.panes[.users])
        Fixtures.keys(&s, .char("2"), .char("i"))
        #expect(s.mode == .edit)
        Fixtures.keys(&s, .mouse(MouseEvent(x: users.inner.x + 2, y: users.inner.y + 2, action: .wheelDown)))
        #expect(s.mode == .edit && s.userCursor == 0)
        Fixtures.keys(&s, Self.click(compose.inner.x + 2, compose.inner.y + 2))
        #expect(s.mode == .edit && s.focus == .compose)
        Fixtures.keys(&s, Self.click(users.inner.x + 2, users.inner.y + 2))
        #expect(s.mode == .normal && s.focus == .users && s.userCursor == 1)
        // The filter line takes no clicks.
        Fixtures.keys(&s, .char("/"))
        Fixtures.keys(&s, Self.click(users.inner.x + 2, users.inner.y + 4))
        #expect(s.mode == .filter && s.userCursor == 1)
    }
}
