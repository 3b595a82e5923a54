import Domain
import XRPLTx

/// The Compose pane: target, push options, the txjson editor with inline findings, and the findings list.
enum ComposeView {
    static func draw(_ state: ConsoleState, _ rect: Rect, _ buf: inout Buffer) {
        let focused = state.focus == .compose
        let editing = state.mode == .edit
        let errors = state.errorCount, warnings = state.findings.count - errors
        let badge = editing ? "EDIT — Esc leaves" : (state.findings.isEmpty ? "✓ valid" : "\(errors) error(s) \(warnings) warning(s)")
        Draw.box(&buf, rect, title: "2 Compose", focused: focused, badge: badge)
        let inner = rect.inner
        guard inner.height > 2, inner.width > 8 else { return }
        // Target and options
        let targets = state.pushTargets
        let to: String
        if targets.count > 1 { to = "\(targets.count) selected users (bulk)" }
        else if let t = targets.first { to = state.users.user(token: t)?.displayName ?? Shorten.middle(t, keep: 4) }
        else {
            to = Draw.firstFitting(["— (Enter on a user, Space to multi-select, :user NAME)", "— (Enter on a user, or :user NAME)",
                                    "— (:user NAME)"], width: inner.width - 4)
        }
        var x = buf.put("To: ", x: inner.x, y: inner.y, style: .bold)
        buf.put(to, x: inner.x + x, y: inner.y, style: targets.isEmpty ? .dim : Style(fg: .accent), maxWidth: inner.width - x)
        let expire = state.expireMinutes.map { "\($0) min" } ?? "default"
        let instruction = state.instruction.map { "\"\($0)\"" } ?? "—"
        x = buf.put("expire ", x: inner.x, y: inner.y + 1, style: .bold)
        x += buf.put(expire + " (x) · ", x: inner.x + x, y: inner.y + 1)
        x += buf.put("instruction ", x: inner.x + x, y: inner.y + 1, style: .bold)
        buf.put(instruction + " (I)", x: inner.x + x, y: inner.y + 1, maxWidth: inner.width - x)

        // Editor
        let editorTop = inner.y + 2
        let findingsRows = Layout.findingsRows(state.findings.count)
        let rows = max(1, inner.height - 2 - findingsRows)
        let editor = state.editor
        let lineCount = editor.lines.count
        let gutter = max(2, String(lineCount).count) + 2
        let textWidth = max(1, inner.width - gutter)
        var byLine: [Int: Finding] = [:]
        for f in state.findings where byLine[f.line] == nil || (f.severity == .error && byLine[f.line]?.severity == .warning) {
            byLine[f.line] = f
        }
        let scroll = ConsoleCore.scrolled(cursor: editor.row, scroll: editor.scrollTop, rows: rows, count: lineCount)
        // Horizontal scroll keeps the cursor visible while editing.
        let cursorX = editor.lines[editor.row].prefix(editor.col).reduce(0) { $0 + DisplayWidth.of($1) }
        let hscroll = editing ? max(0, cursorX - textWidth + 2) : 0
        if lineCount == 1, editor.lines[0].isEmpty, !editing {
            // One hint per line where the width is short, so none is cut.
            let hints = ["t picks a template", "Enter or i types", "e opens $EDITOR"]
            let oneLine = "empty — " + hints.joined(separator: ", ")
            let lines = DisplayWidth.of(oneLine) <= textWidth ? [oneLine] : ["empty:"] + hints.map { "  " + $0 }
            for (i, line) in lines.prefix(rows).enumerated() {
                buf.put(line, x: inner.x + gutter, y: editorTop + i, style: .dim, maxWidth: textWidth)
            }
        }
        for i in 0..<rows {
            let lineIndex = scroll + i
            guard lineIndex < lineCount else { break }
            let y = editorTop + i
            let finding = byLine[lineIndex + 1]
            let number = Draw.right(String(lineIndex + 1), gutter - 2)
            let isCursorLine = lineIndex == editor.row && focused
            buf.put(number, x: inner.x, y: y, style: isCursorLine ? .bold : .dim)
            if let finding {
                let tone: Tone = finding.severity == .error ? .expired : .expiring
                buf.put(finding.severity == .error ? "✗" : "!", x: inner.x + gutter - 2, y: y, style: Style(fg: tone, bold: true))
            }
            let line = editor.lines[lineIndex]
            var text = ""
            var skipped = 0
            for c in line {
                if skipped < hscroll { skipped += DisplayWidth.of(c); continue }
                text.append(c)
            }
            let used = buf.put(text, x: inner.x + gutter, y: y, maxWidth: textWidth)
            if let finding, used + 4 < textWidth {
                let tone: Tone = finding.severity == .error ? .expired : .expiring
                buf.put("  ◂ " + finding.message, x: inner.x + gutter + used, y: y, style: Style(fg: tone, dim: false), maxWidth: textWidth - used)
            }
            if editing, lineIndex == editor.row {
                let cx = inner.x + gutter + cursorX - hscroll
                if cx < inner.x + inner.width {
                    if editor.col >= line.count { buf.put(" ", x: cx, y: y, style: .reverse) }
                    else { buf.restyle(x: cx, y: y, width: DisplayWidth.of(line[editor.col])) { $0.reverse = true } }
                }
            }
        }

        // Findings list
        guard findingsRows > 0 else { return }
        let listTop = inner.y + inner.height - findingsRows
        buf.put("Findings: \(errors) error(s), \(warnings) warning(s)", x: inner.x, y: listTop, style: Style(fg: errors > 0 ? .expired : .expiring, bold: true), maxWidth: inner.width)
        let shown = state.findings.prefix(findingsRows - 1)
        for (i, f) in shown.enumerated() {
            let tone: Tone = f.severity == .error ? .expired : .expiring
            var line = "\(f.severity == .error ? "✗" : "!") \(f.line):\(f.column) \(f.path): \(f.message)"
            if i == shown.count - 1, state.findings.count > shown.count { line += "  (+\(state.findings.count - shown.count) more)" }
            buf.put(line, x: inner.x + 1, y: listTop + 1 + i, style: Style(fg: tone), maxWidth: inner.width - 1)
        }
    }
}
