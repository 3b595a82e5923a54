import Domain

extension ConsoleCore {
    static func handleKey(_ state: inout ConsoleState, _ key: Key) -> [Cmd] {
        if key == .ctrl("c") { state.quitRequested = true; return [.quit] }
        if key == .resize { return [] }
        // The QR screen has its own too-small message and keeps its keys on any terminal.
        if case .qr? = state.overlay { return handleQRKey(&state, key) }
        let layout = Layout(state)
        if layout.tooSmall {
            if key == .char("q") { state.quitRequested = true; return [.quit] }
            if key == .esc { state.overlay = nil; state.mode = .normal }
            return []
        }
        if case .paste(let text) = key, state.mode == .normal { return replay(&state, text) }
        if case .mouse(let event) = key { return handleMouse(&state, event, layout) }
        if let overlay = state.overlay { return handleOverlay(&state, overlay, key) }
        switch state.mode {
        case .edit: handleEdit(&state, key); return []
        case .filter: handleFilter(&state, key); return []
        case .command: return handleCommandLine(&state, key)
        case .normal: break
        }
        guard let action = Keymap.action(for: key, pane: state.focus, readOnly: state.readOnly) else { return [] }
        return perform(&state, action)
    }

    /// A paste (or key burst) outside text input is replayed as single keys (a mode it opens, like
    /// `/`, receives the rest), but never into a confirm dialog: pasted text can not answer `y`.
    static func replay(_ state: inout ConsoleState, _ text: String) -> [Cmd] {
        var cmds: [Cmd] = []
        for c in text {
            if case .confirmPush? = state.overlay { break }
            if case .confirmCancel? = state.overlay { break }
            cmds += handleKey(&state, c == "\n" ? .enter : .char(c))
            if cmds.contains(.quit) { break }
        }
        return cmds
    }

    /// Runs a normal-mode action.
    static func perform(_ state: inout ConsoleState, _ action: Action) -> [Cmd] {
        let layout = Layout(state)
        switch action {
        case .quit:
            state.quitRequested = true
            return [.quit]
        case .back:
            if state.focus == .users, !state.users.query.isEmpty {
                state.users.setQuery(""); clampScrolls(&state)
            } else if state.focus == .users, !state.multiSelected.isEmpty {
                state.multiSelected = []
            } else if state.focus == .detail {
                state.focus = .payloads
            }
            state.status = nil
        case .help: state.overlay = .help; state.helpScroll = 0
        case .up: move(&state, by: -1)
        case .down: move(&state, by: 1)
        case .top: move(&state, by: Int.min / 2)
        case .bottom: move(&state, by: Int.max / 2)
        case .pageUp: move(&state, by: -pageSize(state, layout))
        case .pageDown: move(&state, by: pageSize(state, layout))
        case .nextPane: state.focus = state.focus.next; clampScrolls(&state)
        case .previousPane: state.focus = state.focus.previous; clampScrolls(&state)
        case .focus(let pane): state.focus = pane; clampScrolls(&state)
        case .filter: state.focus = .users; state.mode = .filter
        case .command: state.mode = .command; state.commandText = ""
        case .toggleSelect:
            guard let u = state.cursorUser else { break }
            if state.multiSelected.remove(u.userToken) == nil { state.multiSelected.insert(u.userToken) }
            move(&state, by: 1)
        case .cycleSort:
            let keep = state.cursorUser?.userToken
            state.users.setSort(state.users.sort.next)
            restoreUserCursor(&state, token: keep)
            state.status = StatusLine("sorted by \(state.users.sort.rawValue)")
        case .chooseUser:
            guard let u = state.cursorUser else { break }
            state.targetToken = u.userToken
            state.status = StatusLine("push target: \(u.displayName)")
        case .verify:
            return verify(&state)
        case .templates:
            state.overlay = .templates(cursor: 0)
        case .externalEdit:
            return [.openEditor(text: state.editor.text)]
        case .editMode:
            state.focus = .compose; state.mode = .edit
        case .setExpire:
            state.mode = .command; state.commandText = "expire "
        case .setInstruction:
            state.mode = .command; state.commandText = "instruction "
        case .push:
            return openPushConfirm(&state)
        case .cancelPayload:
            return openCancelConfirm(&state)
        case .openDetail:
            // A payload that was not pushed is scanned, not read: its QR, whole.
            if state.selectedPayload?.pushed == false { return openQR(&state) }
            state.focus = .detail; state.detailScroll = 0
        case .zoomQR:
            return openQR(&state)
        case .toggleLog:
            state.showLog.toggle(); clampScrolls(&state)
        }
        return []
    }

    private static func pageSize(_ state: ConsoleState, _ layout: Layout) -> Int {
        switch state.focus {
        case .users: return max(1, layout.userRows - 1)
        case .payloads: return max(1, layout.payloadRows - 1)
        case .compose: return max(1, layout.editorRows(findings: state.findings.count) - 1)
        case .detail: return 10
        }
    }

    /// Moves the focused pane's cursor (clamped) and scrolls it into view.
    static func move(_ state: inout ConsoleState, by delta: Int) {
        switch state.focus {
        case .users:
            let n = state.users.visible.count
            state.userCursor = max(0, min(n - 1, state.userCursor.addingReportingOverflow(delta).partialValue))
        case .payloads:
            let n = state.payloads.count
            state.payloadCursor = max(0, min(n - 1, state.payloadCursor.addingReportingOverflow(delta).partialValue))
            state.detailScroll = 0
        case .compose:
            if delta == Int.min / 2 { state.editor.top() } else if delta == Int.max / 2 { state.editor.bottom() } else { state.editor.moveVertically(delta) }
        case .detail:
            state.detailScroll = max(0, min(500, state.detailScroll.addingReportingOverflow(delta).partialValue))
        }
        clampScrolls(&state)
    }

    // MARK: Text-input modes

    static func handleEdit(_ state: inout ConsoleState, _ key: Key) {
        var changed = true
        switch key {
        case .esc: state.mode = .normal; changed = false
        case .char(let c): state.editor.insert(String(c))
        case .paste(let s): state.editor.insert(s)
        case .enter: state.editor.newline()
        case .tab: state.editor.insert("  ")
        case .backspace: state.editor.backspace()
        case .delete: state.editor.deleteForward()
        default:
            changed = false
            let rows = Layout(state).editorRows(findings: state.findings.count)
            switch key {
            case .left: state.editor.moveLeft()
            case .right: state.editor.moveRight()
            case .up: state.editor.moveVertically(-1)
            case .down: state.editor.moveVertically(1)
            case .home: state.editor.home()
            case .end: state.editor.end()
            case .pageUp: state.editor.moveVertically(-rows)
            case .pageDown: state.editor.moveVertically(rows)
            default: break
            }
        }
        if changed { revalidate(&state) } else { clampScrolls(&state) }
    }

    static func handleFilter(_ state: inout ConsoleState, _ key: Key) {
        var q = state.users.query
        switch key {
        case .esc: q = ""; state.mode = .normal
        case .enter: state.mode = .normal
        case .backspace: if q.isEmpty { state.mode = .normal } else { q.removeLast() }
        case .char(let c): q.append(c)
        case .paste(let s): q += s.filter { $0 != "\n" && $0 != "\r\n" }
        case .up, .down, .pageUp, .pageDown:
            let page = Layout(state).userRows
            move(&state, by: key == .up ? -1 : key == .down ? 1 : key == .pageUp ? -page : page)
            return
        default: return
        }
        if q != state.users.query {
            state.users.setQuery(q)
            state.userCursor = 0
            state.userScroll = 0
            clampScrolls(&state)
        }
    }
}
