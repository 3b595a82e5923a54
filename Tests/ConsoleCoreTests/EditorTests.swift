import ConsoleCore
import ConsoleTestSupport
import Testing

@Suite struct EditorTests {
    @Test func editModeTakesTypedKeys() {
        var s = Fixtures.state()
        Fixtures.keys(&s, .char("2"))
        #expect(Fixtures.keys(&s, .char("i")) == [])
        #expect(s.mode == .edit)
        let cmds = Fixtures.type(&s, "{qjkgG?:p}")
        #expect(cmds.isEmpty)
        #expect(s.editor.text == "{qjkgG?:p}")
        #expect(s.overlay == nil && s.focus == .compose)
        Fixtures.keys(&s, .esc)
        #expect(s.mode == .normal)
        #expect(Fixtures.keys(&s, .char("q")) == [.quit])
    }

    @Test func insertDeleteNewlineAndMovement() {
        var e = TextEditor(text: "ab\ncd")
        e.moveVertically(1); e.end()
        e.insert("X")
        #expect(e.text == "ab\ncdX")
        e.home(); e.backspace()
        #expect(e.text == "abcdX" && e.row == 0 && e.col == 2)
        e.newline()
        #expect(e.text == "ab\ncdX" && e.row == 1 && e.col == 0)
        e.deleteForward()
        #expect(e.text == "ab\ndX")
        e.moveLeft()
        #expect(e.row == 0 && e.col == 2)
        e.deleteForward()
        #expect(e.text == "abdX")
        e.insert("日本")
        #expect(e.text == "ab日本dX" && e.col == 4)
    }

    @Test func pasteInsertsMultipleLinesAndExpandsTabs() {
        var s = Fixtures.state()
        Fixtures.keys(&s, .char("2"), .enter)
        Fixtures.keys(&s, .paste("{\n\t\"TransactionType\": \"SignIn\"\n}"))
        #expect(s.editor.text == "{\n  \"TransactionType\": \"SignIn\"\n}")
        #expect(s.editor.row == 2)
        #expect(s.findings.isEmpty)
    }

    @Test func findingsFollowEdits() {
        var s = Fixtures.state()
        Fixtures.command(&s, "template signin")
        #expect(s.findings.isEmpty)
        Fixtures.keys(&s, .char("i"), .down, .home)
        Fixtures.keys(&s, .delete, .delete, .delete)
        #expect(s.errorCount == 1)
        #expect(s.findings.first?.line == 2) // the damaged key is on line 2
    }

    @Test func scrollFollowsTheCursor() {
        var s = Fixtures.state()
        Fixtures.keys(&s, .char("2"), .enter)
        Fixtures.keys(&s, .paste(Array(repeating: "line", count: 100).joined(separator: "\n")))
        let rows = Layout(s).editorRows(findings: s.findings.count)
        #expect(s.editor.row == 99)
        #expect(s.editor.scrollTop == 100 - rows)
        Fixtures.keys(&s, .esc, .char("g"))
        #expect(s.editor.row == 0 && s.editor.scrollTop == 0)
    }

    @Test func externalEditorRoundTrip() {
        var s = Fixtures.state()
        Fixtures.command(&s, "template payment")
        #expect(Fixtures.keys(&s, .char("e")) == [.openEditor(text: SampleDataText.payment)])
        Fixtures.send(&s, .editorFinished("{\"TransactionType\":\"SignIn\"}"))
        #expect(s.editor.text == "{\"TransactionType\":\"SignIn\"}")
        Fixtures.send(&s, .editorFinished(nil))
        #expect(s.editor.text == "{\"TransactionType\":\"SignIn\"}")
        #expect(s.status?.isError == true)
    }
}

enum SampleDataText {
    static var payment: String { SampleData.templates[0].txjsonText }
}
